/**
 * The conformance harness: every node kind in NODE_SPECS, over its own
 * parameter grid (spec.conformance), must agree with what tfjs really builds.
 *
 * For each case (inputs × params) it builds a tiny graph (Input nodes → the
 * node under test), runs analyze(), and when analysis calls it valid, compiles
 * it with compileGraph() and checks against tfjs:
 *   - the inferred output shape = the model's output shape without the batch axis;
 *   - analysis weights (total, trainable, non-trainable) = tfjs countParams and
 *     the sizes of trainableWeights / nonTrainableWeights;
 *   - with fully known input sizes, the model runs (predict, and a forward pass
 *     in training mode) and produces that shape; a case analysis warns tfjs
 *     cannot train (`tfjs-training-unsupported`) must indeed fail in training mode.
 * When analysis says the output would be empty (`nonpositive-output`), building
 * the node's raw layers in tfjs must fail or give an empty axis too.
 *
 * A new node kind is picked up by itself: give it a `conformance` grid.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_SPECS } from '../src/nodes/index.ts';
import type { AnyNodeSpec, Shape } from '../src/nodes/spec.ts';
import { analyze } from '../src/analysis/analyze.ts';
import type { Analysis } from '../src/analysis/types.ts';
import { compileGraph } from '../src/compile/compile.ts';
import type { GraphDoc } from '../src/graph/schema.ts';

/** Kinds that are not layers, and where they are checked instead. */
const STRUCTURAL: Record<string, string> = {
  Input: 'a source, not a layer: checked below as Input → Output, and it starts every other case',
  Output: 'passes its input through: checked below as Input → Output',
  Composite: 'compiles to a nested model, not to layers of its own: see tests/compile',
};

const NODE = 'n'; // id of the node under test

interface Case {
  label: string;
  inputs: Shape[];
  params: Record<string, unknown>;
}

function casesOf(spec: AnyNodeSpec): Case[] {
  const { inputs, params } = spec.conformance;
  return inputs.flatMap((ins) =>
    params.map((p) => ({
      label: `${ins.map((s) => `[${s.map((d) => d ?? '?').join(',')}]`).join(' ')} ${JSON.stringify(p)}`,
      inputs: ins,
      params: p as Record<string, unknown>,
    })),
  );
}

/** Input nodes with the given shapes, all feeding the node under test. */
function graphOf(kind: string, c: Case): GraphDoc {
  const ins = c.inputs.map((shape, i) => ({ id: `x${i}`, kind: 'Input', params: { shape } }));
  return {
    format: 'netloom.graph',
    version: 1,
    name: `${kind} conformance`,
    nodes: [...ins, { id: NODE, kind, params: c.params }],
    edges: ins.map((x, i) => ({ id: `e${i}`, source: x.id, target: NODE, targetHandle: `in${i}` })),
  };
}

const numel = (shape: readonly (number | null)[]) => shape.reduce<number>((a, d) => a * (d ?? NaN), 1);
const weightCount = (ws: { shape: readonly (number | null)[] }[]) => ws.reduce((a, w) => a + numel(w.shape), 0);
const known = (shapes: Shape[]): shapes is number[][] => shapes.every((s) => s.every((d) => d !== null));

/** The node's layers built straight in tfjs (compile refuses graphs with errors): the output shape, or the error. */
function buildRaw(spec: AnyNodeSpec, params: Record<string, unknown>, inputs: Shape[]): (number | null)[] | Error {
  const registry = tf.serialization.SerializationMap.getMap().classNameMap;
  const built: tf.layers.Layer[] = [];
  try {
    const xs = inputs.map((shape) => tf.input({ shape }));
    let y: tf.SymbolicTensor | tf.SymbolicTensor[] = xs.length === 1 ? xs[0]! : xs;
    for (const call of spec.layers(params, inputs)) {
      const Layer = registry[call.className]![0] as unknown as new (args: Record<string, unknown>) => tf.layers.Layer;
      const layer = new Layer({ ...call.config });
      y = layer.apply(y) as tf.SymbolicTensor;
      built.push(layer);
    }
    return (y as tf.SymbolicTensor).shape.slice(1);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  } finally {
    for (const layer of built) layer.dispose();
  }
}

/**
 * The model's output shape without the batch axis. tfjs Cropping2D computes an
 * unknown size minus the crop as a negative number (null − 2 = −2) where the
 * size is simply unknown; it runs correctly. Conv2DTranspose with a padding
 * number compiles to a Cropping2D, so it meets this too: read those as unknown.
 */
function tfjsShape(model: tf.LayersModel): (number | null)[] {
  const shape = model.outputs[0]!.shape.slice(1);
  const crops = model.layers.some((l) => l.getClassName() === 'Cropping2D');
  return crops ? shape.map((d) => (d !== null && d < 0 ? null : d)) : shape;
}

/** Runs the compiled single-node chain layer by layer with training: true (LayersModel.apply does not pass it on). */
function forwardTraining(model: tf.LayersModel, xs: tf.Tensor[]): number[] {
  return tf.tidy(() => {
    let y: tf.Tensor | tf.Tensor[] = xs.length === 1 ? xs[0]! : xs;
    for (const layer of model.layers) {
      if (layer.getClassName() === 'InputLayer') continue;
      y = layer.call(y, { training: true }) as tf.Tensor;
    }
    return (y as tf.Tensor).shape;
  });
}

/** A forward pass in training mode, then (with trainable weights) one SGD step; returns the output shape. */
async function trainStep(model: tf.LayersModel, xs: tf.Tensor[]): Promise<number[]> {
  const shape = forwardTraining(model, xs);
  if (model.trainableWeights.length > 0) {
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const ys = tf.zeros(shape);
    try {
      await model.trainOnBatch(xs.length === 1 ? xs[0]! : xs, ys);
    } finally {
      ys.dispose();
    }
  }
  return shape;
}

beforeAll(async () => {
  tf.env().set('IS_TEST', true); // silences the "running TensorFlow.js in Node.js" banner (and checks kernels for leaks)
  await tf.setBackend('cpu');
});

const layerSpecs = NODE_SPECS.filter((s) => !(s.kind in STRUCTURAL));

describe.each(layerSpecs.map((s) => [s.kind, s] as const))('%s', (kind, spec) => {
  const cases = casesOf(spec);
  const analyses = new Map(cases.map((c) => [c, analyze(graphOf(kind, c))] as const));

  it('has docs in English and Korean', () => {
    for (const lang of ['en', 'ko'] as const) {
      const d = spec.doc[lang];
      expect(d.title.trim(), `${lang}.title`).not.toBe('');
      expect(d.summary.trim(), `${lang}.summary`).not.toBe('');
      expect(d.detail.trim(), `${lang}.detail`).not.toBe('');
    }
    expect(spec.doc.ko.detail).toMatch(/[가-힣]/);
  });

  it('has a grid with at least 3 cases tfjs gets to build', () => {
    const valid = [...analyses.values()].filter((a) => a.valid).length;
    expect(valid, `${valid} of ${cases.length} cases are valid`).toBeGreaterThanOrEqual(3);
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const a: Analysis = analyses.get(c)!;
    const na = a.nodes.get(NODE)!;
    // A grid entry the schema refuses, or a crash in infer(), tests nothing.
    const broken = a.diagnostics.filter((d) => d.code === 'bad-param' || d.code === 'internal-error' || d.code === 'unknown-kind');
    expect(broken.map((d) => d.message)).toEqual([]);

    if (!a.valid) {
      const errors = a.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      for (const d of errors) expect(d.nodeId, d.message).toBe(NODE); // blamed on the node that causes it
      if (errors.some((d) => d.code === 'nonpositive-output')) {
        const raw = buildRaw(spec, na.params!, c.inputs);
        if (!(raw instanceof Error)) expect(raw.some((d) => d !== null && !(d > 0)), `tfjs built ${JSON.stringify(raw)}`).toBe(true);
      }
      return;
    }

    const tensorsBefore = tf.memory().numTensors;
    const noTraining = na.diagnostics.filter((d) => d.code === 'tfjs-training-unsupported');
    const r = compileGraph(tf, graphOf(kind, c), {}, a);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    const model = r.value.main;
    try {
      const inferred = na.outputs[0]!;
      expect(typeof spec.caption(na.params), 'caption').toBe('string');
      expect(tfjsShape(model), 'output shape').toEqual(inferred);
      expect(a.totals.params, 'countParams').toBe(model.countParams());
      expect(a.totals.trainableParams, 'trainable').toBe(weightCount(model.trainableWeights));
      expect(a.totals.nonTrainableParams, 'non-trainable').toBe(weightCount(model.nonTrainableWeights));

      if (known(c.inputs)) {
        const xs = c.inputs.map((s) => tf.ones([2, ...s]));
        try {
          const y = model.predict(xs.length === 1 ? xs[0]! : xs) as tf.Tensor;
          expect(y.shape, 'predicted shape').toEqual([2, ...inferred]);
          y.dispose();
          if (noTraining.length) await expect(trainStep(model, xs), noTraining[0]!.message).rejects.toThrow();
          else expect(await trainStep(model, xs), 'shape in training mode').toEqual([2, ...inferred]);
        } finally {
          tf.dispose(xs);
        }
      }
    } finally {
      model.dispose();
    }
    // Nothing left behind: weights, optimizer state and test tensors are all freed.
    // (Not checked when training is expected to throw: tfjs leaks that step's tensors.)
    if (noTraining.length === 0) expect(tf.memory().numTensors, 'tensors left behind').toBe(tensorsBefore);
  });
});

describe('structural kinds', () => {
  it.each(NODE_SPECS.filter((s) => s.kind in STRUCTURAL).map((s) => [s.kind, STRUCTURAL[s.kind]!] as const))('%s: %s', (kind) => {
    const spec = NODE_SPECS.find((s) => s.kind === kind)!;
    expect(spec.doc.en.summary.trim()).not.toBe('');
    expect(spec.doc.ko.summary.trim()).not.toBe('');
    expect(spec.layers({}, [])).toEqual([]);
  });

  it.each(NODE_SPECS.find((s) => s.kind === 'Input')!.conformance.params.map((p) => [JSON.stringify(p), p] as const))('Input → Output %s', (_label, p) => {
    const g: GraphDoc = {
      format: 'netloom.graph',
      version: 1,
      name: 'input',
      nodes: [
        { id: 'x', kind: 'Input', params: p as Record<string, unknown> },
        { id: 'y', kind: 'Output', params: {} },
      ],
      edges: [{ id: 'e', source: 'x', target: 'y' }],
    };
    const a = analyze(g);
    expect(a.valid).toBe(true);
    const r = compileGraph(tf, g, {}, a);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    expect(r.value.main.outputs[0]!.shape.slice(1)).toEqual(a.nodes.get('y')!.outputs[0]);
    expect(r.value.main.countParams()).toBe(0);
    r.value.main.dispose();
  });
});
