/**
 * Shared by MaxPooling2D / AveragePooling2D (a window that keeps the largest
 * value or the mean) and GlobalMaxPooling2D / GlobalAveragePooling2D (the
 * window is the whole map). The per-kind files hold the docs.
 */
import { z } from 'zod';
import { defineNode, type NodeDoc, type TorchWriter } from '../spec.ts';
import { MAX_AXIS, pair, padding, toPair, type Pair } from './params.ts';
import { explicitPadding, slide, windowCaption, windowResult } from './window.ts';
import { NO_WEIGHTS } from './shape.ts';
import { failed, needImage } from './checks.ts';
import { isOff } from './keras.ts';
import { slideGrid } from './inside.ts';
import { fn, py, windowPadding } from './torch.ts';
import { globalPoolFormula } from './size-formulas.ts';
import { text } from '../../i18n/text.ts';

const poolParams = z.object({
  poolSize: pair(1, MAX_AXIS).default(2),
  /** null: the same as poolSize (windows side by side, no overlap). */
  strides: pair(1, MAX_AXIS).nullable().default(null),
  padding: padding.default('valid'),
});
export type PoolParams = z.infer<typeof poolParams>;

type Docs = { en: NodeDoc; ko: NodeDoc };

/** What differs between the kinds besides their docs: the kernels a training step runs, the class names files also use, the PyTorch code. */
interface PoolFacts {
  kernels?: string[];
  aliases: string[];
  pytorch: TorchWriter;
}

/** MaxPooling2D or AveragePooling2D: the two differ only in what the window computes. */
export function poolingNode(kind: 'MaxPooling2D' | 'AveragePooling2D', doc: Docs, facts: PoolFacts) {
  return defineNode({
    kind,
    category: 'pool',
    params: poolParams,
    inputs: { min: 1, max: 1 },
    outputs: 1,
    infer([x], p) {
      const r = slide(kind, x!, { kernel: p.poolSize, strides: p.strides ?? p.poolSize, padding: p.padding, sizeParam: 'poolSize' }, false);
      if ('fail' in r) return r.fail;
      return windowResult(r.s, r.c, NO_WEIGHTS);
    },
    layers(p) {
      // Explicit numbers pad with zeros, which a max pool can pick over negative values (Keras/PyTorch pad with −∞ there).
      const { pre, mode } = explicitPadding(p.padding);
      return [...pre, { className: kind, config: { poolSize: toPair(p.poolSize), strides: toPair(p.strides ?? p.poolSize), padding: mode } }];
    },
    kernels: () => facts.kernels ?? [],
    paddingNumber: 'pad',
    inside: { grid: (p) => slideGrid(p.poolSize, p.strides ?? p.poolSize, p.padding) },
    code: { pytorch: facts.pytorch },
    keras: { aliases: facts.aliases },
    caption: (p) => windowCaption(p.poolSize, p.strides ?? p.poolSize, p.padding),
    doc,
    conformance: {
      inputs: [[[28, 28, 1]], [[7, 9, 2]], [[5, 6, 3]], [[null, 8, 2]]],
      params: [
        {},
        { poolSize: 3 },
        { poolSize: 3, strides: 2 },
        { poolSize: 3, strides: 2, padding: 'same' },
        { poolSize: 2, padding: 'same' },
        { poolSize: [2, 3], strides: [1, 2] },
        { poolSize: 3, strides: 1, padding: 1 },
        { poolSize: 4, strides: 2, padding: 2 },
        { poolSize: 1 },
        { poolSize: 6 },
      ],
    },
  });
}

/** GlobalMaxPooling2D or GlobalAveragePooling2D: [H, W, C] → [C]. */
export function globalPoolingNode(kind: 'GlobalMaxPooling2D' | 'GlobalAveragePooling2D', doc: Docs, facts: PoolFacts) {
  return defineNode({
    kind,
    category: 'pool',
    params: z.object({}),
    inputs: { min: 1, max: 1 },
    outputs: 1,
    infer([x]) {
      const rank = needImage(kind, x!);
      if (rank) return failed(rank);
      return { outputs: [[x![2]!]], weights: NO_WEIGHTS, formulas: globalPoolFormula(x!, kind === 'GlobalMaxPooling2D' ? 'max' : 'average') };
    },
    layers: () => [{ className: kind, config: {} }],
    code: { pytorch: facts.pytorch },
    keras: { aliases: facts.aliases, refuse: (c) => (isOff(c.keepdims) ? null : text('import.why.keepdims')) },
    caption: () => '',
    doc,
    conformance: { inputs: [[[7, 7, 8]], [[1, 1, 3]], [[null, null, 4]], [[5, 3, 2]], [[10]]], params: [{}] },
  });
}

/**
 * A window pool in PyTorch. Keras's 'same' pads a max pool with −∞ and leaves
 * the padding out of an average's count; PyTorch's own `padding` does both
 * (count_include_pad=False) when both sides get the same, else pool_same().
 */
export function windowPool(op: 'max' | 'avg'): TorchWriter {
  return ({ config: c, inputs: [x] }) => {
    const k = toPair(c.poolSize as Pair);
    const s = toPair(c.strides as Pair);
    const p = windowPadding(c.padding, x!, k, s);
    const call = `F.${op}_pool2d($0, ${py(k)}, ${py(s)}`;
    if (p.kind === 'none') return fn(`${call})`);
    if (p.kind === 'symmetric') return fn(`${call}, padding=${py(p.pad)}${op === 'avg' ? ', count_include_pad=False' : ''})`);
    return fn(`pool_same($0, '${op}', ${py(k)}, ${py(s)})`, { sources: [POOL_SAME] });
  };
}

/** Global pooling: the map is held [batch, C, H, W]. */
export const globalPool = (op: 'amax' | 'mean'): TorchWriter => () => fn(`$0.${op}(dim=(2, 3))`);

const POOL_SAME = {
  id: 'pool_same',
  code: String.raw`
def pool_same(x, op, kernel_size, stride):
    """A max or average pool with Keras's padding='same' on a [batch, channels, height, width] map: the odd padded
    row at the bottom, the odd column at the right; a max never picks the padding and an average leaves it out
    of its count, as TensorFlow computes them."""
    pads = []
    for size, k, s in zip(x.shape[:1:-1], kernel_size[::-1], stride[::-1]):
        total = max((-(-size // s) - 1) * s + k - size, 0)
        pads += [total // 2, total - total // 2]
    if op == 'max':
        return F.max_pool2d(F.pad(x, pads, value=float('-inf')), kernel_size, stride)
    ones = F.pad(torch.ones_like(x[:, :1]), pads)
    return F.avg_pool2d(F.pad(x, pads), kernel_size, stride) / F.avg_pool2d(ones, kernel_size, stride)
`.trim(),
};
