import { z } from 'zod';
import { defineNode, type CodeSource, type Shape } from './spec.ts';
import { fmtShape, int, size } from './common/params.ts';
import { failed } from './common/checks.ts';
import { ANY_RANK } from './common/shape.ts';
import { msg } from '../i18n/text.ts';
import { channelsFirst } from './common/torch.ts';

const params = z.object({
  /** Axes (1 = the first after the batch) along which one alpha is shared, e.g. [1, 2] for one alpha per channel of a feature map. */
  sharedAxes: z.array(int(1, 4)).min(1).max(4).nullable().default(null),
});

/** The shape of alpha: the input's, with 1 on every shared axis. */
const alphaShape = (x: Shape, shared: number[] | null): Shape => x.map((d, i) => (shared?.includes(i + 1) ? 1 : d));

export const prelu = defineNode({
  kind: 'PReLU',
  category: 'activation',
  params,
  inputs: { min: 1, max: 1 },
  outputs: 1,
  infer([x], p) {
    const rank = x!.length;
    const shared = p.sharedAxes;
    if (shared?.some((a) => a > rank)) {
      return failed({ severity: 'error', code: 'bad-axis', param: 'sharedAxes', ...msg('node.prelu.axis', { axes: fmtShape(shared), shape: fmtShape(x!), rank }) });
    }
    const alpha = alphaShape(x!, shared);
    const n = size(alpha);
    if (n === null) {
      const unknown = alpha.flatMap((d, i) => (d === null ? [i + 1] : []));
      const fix = [...new Set([...(shared ?? []), ...unknown])].sort();
      return failed({
        severity: 'error',
        code: 'unknown-size',
        param: 'sharedAxes',
        ...msg('node.prelu.unknown-size', { shape: fmtShape(x!), axes: unknown.join(', ') }),
        fix: { kind: 'set-param', param: 'sharedAxes', value: fix },
      });
    }
    return { outputs: [x!], weights: { trainable: n, nonTrainable: 0 } };
  },
  layers: ({ sharedAxes }) => [{ className: 'PReLU', config: { sharedAxes } }],
  weightShapes: (p, [x]) => [['alpha', alphaShape(x!, p.sharedAxes)]],
  kernels: () => ['Prelu', 'ZerosLike'],
  keras: {
    // Keras also takes one axis as a plain number.
    read: (c) => (typeof c.shared_axes === 'number' ? { params: { sharedAxes: [c.shared_axes] }, handled: ['shared_axes'] } : { params: {}, handled: [] }),
  },
  code: {
    ts: (std) => ({ ...std, callee: 'tf.layers.prelu' }),
    // alpha has the input's shape (1 on shared axes); a map's is held channels first, as the map is.
    pytorch: ({ config, inputs: [x] }) => {
      const shape = alphaShape(x!, config.sharedAxes as number[] | null) as number[];
      const first = channelsFirst(x!);
      const held = first ? [shape[2]!, shape[0]!, shape[1]!] : shape;
      return { module: `PReLU((${held.join(', ')}${held.length === 1 ? ',' : ''}))`, forward: '$m($0)', weights: [{ from: 'alpha', to: 'alpha', ...(first ? { perm: [2, 0, 1] } : {}) }], sources: [PRELU] };
    },
  },
  caption: (p) => (p.sharedAxes ? `sharedAxes ${p.sharedAxes.join(', ')}` : ''),
  doc: {
    en: {
      title: 'PReLU',
      summary: 'LeakyReLU whose negative slope is learned, per value or per channel.',
      detail:
        'Outputs x for x ≥ 0 and alpha·x below 0, where alpha is a weight the network learns (starting at 0, as plain relu). Without sharedAxes every position has its own alpha, as many weights as the input has values; sharedAxes [1, 2] on a feature map shares alpha over height and width, one per channel, as in the paper that introduced it (He et al., 2015).',
    },
    ko: {
      title: 'PReLU (파라메트릭 렐루)',
      summary: '음수 쪽 기울기를 값마다, 또는 채널마다 학습하는 LeakyReLU입니다.',
      detail:
        'x ≥ 0이면 x를, 0보다 작으면 alpha·x를 내보냅니다. alpha는 네트워크가 학습하는 가중치입니다(처음에는 0이라 relu와 같습니다). sharedAxes가 없으면 위치마다 alpha가 따로 있어 가중치 수가 입력의 값 수와 같습니다. 특징 맵에 sharedAxes [1, 2]를 주면 높이와 너비에 걸쳐 alpha를 공유해 채널마다 하나가 되며, 처음 제안한 논문(He 외, 2015)도 이렇게 썼습니다.',
    },
  },
  conformance: { inputs: [...ANY_RANK, [[null, null, 3]]], params: [{}, { sharedAxes: [1, 2] }, { sharedAxes: [1] }, { sharedAxes: [3] }] },
});

/** Keras's PReLU (one learned slope per value, or shared over axes); nn.PReLU shares over every axis but channels. */
const PRELU: CodeSource = {
  id: 'PReLU',
  code: String.raw`
class PReLU(nn.Module):
    """Keras's PReLU: x where x >= 0, alpha * x below, with alpha learned per value (shape: one sample's, 1 on the
    shared axes), starting at 0."""

    def __init__(self, shape):
        super().__init__()
        self.alpha = nn.Parameter(torch.zeros(shape))

    def forward(self, x):
        return torch.relu(x) - self.alpha * torch.relu(-x)
`.trim(),
};
