/**
 * Every node kind over its own conformance grid (the catalog's own sample of
 * params and input shapes), plus every activation, trained one step on wasm:
 *  - trainableOn says in advance exactly which cases cannot train (and on
 *    cpu the same ones fail: tfjs limits, not backend gaps);
 *  - the loss and the gradients of the inputs and every weight equal cpu's;
 *  - the kernels the step runs are all in trainableOn's table, so the table
 *    cannot silently miss a kernel a backend might lack;
 *  - those kernels exist on cpu, webgl and wasm.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { NODE_SPECS } from '../../../src/nodes/index.ts';
import { ACTIVATIONS } from '../../../src/nodes/common/params.ts';
import { analyze } from '../../../src/analysis/analyze.ts';
import { compileGraph } from '../../../src/compile/compile.ts';
import type { GraphDoc } from '../../../src/graph/schema.ts';
import { BASIC_KERNELS, kernelsFor, trainableOn } from '../../../src/train/backend/trainable.ts';
import { FAST_PATH_KERNELS } from '../../../src/train/backend/batch-norm-kernels.ts';
import { compare, input, setupBackends } from './helpers.ts';

const TOL = 1e-4;
const RANDOM = new Set(['Dropout', 'GaussianNoise']); // different random draws per backend: run, don't compare
// Augmentation changes data before any weight: training never needs its input gradient (tfjs has none for
// image transforms), so these run forward in training mode only; trainableOn refuses them behind weights.
const AUGMENT = new Set(NODE_SPECS.filter((s) => s.category === 'augment').map((s) => s.kind));
// Box selection has no gradient by design: RegionProposals picks boxes by score and NMS (a Faster R-CNN
// stops gradients there), and RoIAlign's gradient reaches its feature map but not the boxes it reads.
const NO_GRADIENT: Record<string, 'all' | number[]> = { RegionProposals: 'all', RoIAlign: [1] };

beforeAll(async () => {
  await setupBackends();
  // Stock wasm's fused matmul trips tfjs's per-kernel leak check under gradients although its
  // data ids stay flat (a false positive, unrelated to our kernels; grad-ops.test.ts keeps the check on for those).
  tf.env().set('IS_TEST', false);
});

interface Case {
  label: string;
  kind: string;
  doc: GraphDoc;
  shapes: number[][];
}

const cases: Case[] = NODE_SPECS.filter((s) => !['Input', 'Output', 'Composite'].includes(s.kind)).flatMap((spec) => {
  let params = spec.conformance.params as Record<string, unknown>[];
  if (spec.kind === 'Activation') params = [...params, ...ACTIVATIONS.map((activation) => ({ activation }))];
  if (spec.kind === 'Dense') params = [...params, ...ACTIVATIONS.map((activation) => ({ units: 3, activation }))];
  return spec.conformance.inputs
    .filter((ins): ins is number[][] => ins.every((s) => s.every((d) => d !== null)))
    .flatMap((shapes) =>
      params.map((p) => ({
        label: `${spec.kind} ${JSON.stringify(shapes)} ${JSON.stringify(p)}`,
        kind: spec.kind,
        shapes,
        doc: {
          format: 'netloom.graph',
          version: 1,
          name: 't',
          nodes: [...shapes.map((shape, i) => ({ id: `x${i}`, kind: 'Input', params: { shape } })), { id: 'n', kind: spec.kind, params: p }],
          edges: shapes.map((_, i) => ({ id: `e${i}`, source: `x${i}`, target: 'n', targetHandle: `in${i}` })),
        } as GraphDoc,
      })),
    );
});

/** One gradient step (inputs and every trainable weight) in training mode; returns the loss and gradients. */
function step(model: tf.LayersModel, c: Case): Float32Array[] {
  if (AUGMENT.has(c.kind)) return tf.tidy(() => [model.layers.at(-1)!.call(tf.tensor(input([2, ...c.shapes[0]!], 40).data, [2, ...c.shapes[0]!]), { training: true }) as tf.Tensor].map((t) => t.dataSync() as Float32Array));
  return tf.tidy(() => {
    const xs = c.shapes.map((s, i) => tf.variable(tf.tensor(input([2, ...s], 40 + i).data, [2, ...s])));
    const weights = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const loss = () => {
      let y: tf.Tensor | tf.Tensor[] = xs.length === 1 ? xs[0]! : xs;
      for (const layer of model.layers) if (layer.getClassName() !== 'InputLayer') y = layer.call(y, { training: true }) as tf.Tensor;
      const out = y as tf.Tensor;
      const r = input(out.shape, 77);
      return tf.sum(tf.mul(out, tf.tensor(r.data, out.shape))) as tf.Scalar;
    };
    const none = NO_GRADIENT[c.kind];
    if (none === 'all') return [loss().dataSync() as Float32Array];
    const skip = new Set((none ?? []).map((i) => xs[i]!));
    const vars = [...xs.filter((x) => !skip.has(x)), ...weights];
    const { value, grads } = tf.variableGrads(loss, vars);
    const out = [value.dataSync() as Float32Array, ...vars.map((v) => grads[v.name]!.dataSync() as Float32Array)];
    tf.dispose(xs);
    return out;
  });
}

describe('every catalog case trains on wasm exactly when trainableOn says so, and like cpu', () => {
  test.each(cases.map((c) => [c.label, c] as const))('%s', async (_l, c) => {
    const a = analyze(c.doc);
    if (!a.valid) return; // the analysis tests cover refusals
    const issues = trainableOn('wasm', c.doc, tf, a);
    expect(issues.filter((i) => i.scope === 'backend')).toEqual([]);
    expect(trainableOn('cpu', c.doc, tf, a)).toEqual(issues);
    // One model per backend, with the same seeded weights: tensors never move between backends mid-step.
    const build = (backend: 'cpu' | 'wasm') => {
      tf.setBackend(backend);
      const r = compileGraph(tf, c.doc, {}, a);
      if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
      const m = r.value.main;
      m.trainableWeights.forEach((w, i) => w.write(tf.tensor(input(w.shape as number[], 100 + i).data, w.shape as number[])));
      return m;
    };
    if (issues.length) {
      for (const backend of ['wasm', 'cpu'] as const) {
        const m = build(backend);
        try {
          expect(() => step(m, c), `${backend}: ${issues[0]!.reason}`).toThrow();
        } finally {
          m.dispose();
        }
      }
      return;
    }
    const onCpu = build('cpu');
    const ref = step(onCpu, c);
    onCpu.dispose();
    const model = build('wasm');
    try {
      const got = step(model, c);
      if (!RANDOM.has(c.kind) && !AUGMENT.has(c.kind)) expect(compare(ref, got).rel).toBeLessThan(TOL);
      const profile = await tf.profile(() => void step(model, c));
      const allowed = new Set([...BASIC_KERNELS, ...FAST_PATH_KERNELS, ...kernelsFor(c.kind, a.nodes.get('n')!.params!)]);
      // Profiles also name custom-gradient scopes (fusedConv2d__op): only registered kernels count.
      const unlisted = profile.kernelNames.filter((k) => tf.getKernel(k, 'cpu') && !allowed.has(k));
      expect(unlisted, 'kernels missing from trainable.ts').toEqual([]);
    } finally {
      model.dispose();
    }
  });
});

describe('the kernel table', () => {
  const listed = [...new Set([...BASIC_KERNELS, ...cases.flatMap((c) => kernelsFor(c.kind, c.doc.nodes.at(-1)!.params))])];
  test.each(['cpu', 'webgl', 'wasm'])('every listed kernel is registered for %s', (backend) => {
    expect(listed.filter((k) => !tf.getKernel(k, backend))).toEqual([]);
  });
});
