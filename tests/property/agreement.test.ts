/**
 * analyze() and tfjs agree: on many random valid image-model graphs (skip
 * adds, concats, composites, two inputs/outputs), every shape and parameter
 * count analysis reports is what the compiled tfjs model has, and running the
 * model on zeros gives tensors of those shapes. Nothing leaks.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import { compileGraph, type Compiled } from '../../src/compile/compile.ts';
import type { GraphDoc, GraphNode } from '../../src/graph/schema.ts';
import type { Shape } from '../../src/nodes/spec.ts';
import { imageGraph, kindsInPlay } from './image-graphs.ts';

// Fixed for CI; NETLOOM_PROP_SEED / NETLOOM_PROP_RUNS explore further locally.
const SEED = Number(process.env.NETLOOM_PROP_SEED ?? 20261128);
const RUNS = Number(process.env.NETLOOM_PROP_RUNS ?? 8000);
const MIN_VALID = 1000;

let baseline = 0;
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  baseline = tf.memory().numTensors;
});

const stats = { valid: 0, invalid: 0, composites: 0, twoInputs: 0, twoOutputs: 0, adds: 0, concats: 0, kinds: new Set<string>() };

function weightCount(ws: tf.LayerVariable[]): number {
  return ws.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 0), 1), 0);
}

function disposeAll({ main, models }: Compiled) {
  main.dispose();
  // Nested models used by `main` go with it.
  for (const m of Object.values(models)) {
    try {
      m.dispose();
    } catch (e) {
      if (!/already disposed/.test(String(e))) throw e;
    }
  }
}

/** Where analysis knows a size, tfjs has the same; where it says unknown (null), tfjs may say anything. */
function expectShapes(actual: (number | null)[][], expected: Shape[], what: string) {
  expect(actual.length, `${what}: count`).toBe(expected.length);
  expected.forEach((s, i) => {
    expect(actual[i]!.length, `${what} ${i}: rank`).toBe(s.length);
    expect(actual[i]!.map((d, j) => (s[j] === null ? null : d)), `${what} ${i}`).toEqual(s);
  });
}

function compileValid(doc: GraphDoc, a: Analysis): Compiled {
  const r = compileGraph(tf, doc, {}, a);
  if (!r.ok) throw new Error(`analysis said valid, compile refused: ${r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ')}\ngraph: ${JSON.stringify(doc)}`);
  return r.value;
}

/** Shapes and counts of the compiled models against the analysis. */
function compareModels(a: Analysis, c: Compiled) {
  const { main, models } = c;
  const top = a.models[0]!;
  expectShapes(
    main.outputs.map((t) => t.shape.slice(1)),
    top.outputs,
    'output',
  );
  expectShapes(
    main.inputs.map((t) => t.shape.slice(1)),
    top.inputs,
    'input',
  );
  // Parameter counts: whole model, trainable part, totals.
  expect(main.countParams(), 'params').toBe(top.params);
  expect(a.totals.params, 'total params').toBe(main.countParams());
  expect(weightCount(main.trainableWeights), 'trainable params').toBe(top.trainableParams);
  expect(a.totals.trainableParams, 'total trainable params').toBe(weightCount(main.trainableWeights));
  // One nested model per composite, with its own shapes and counts.
  expect(Object.keys(models).sort()).toEqual(a.models.map((m) => m.key).sort());
  for (const m of a.models.slice(1)) {
    const sub = models[m.key]!;
    expect(sub.countParams(), `params of ${m.key}`).toBe(m.params);
    expectShapes(
      sub.outputs.map((t) => t.shape.slice(1)),
      m.outputs,
      `outputs of ${m.key}`,
    );
    expectShapes(
      sub.inputs.map((t) => t.shape.slice(1)),
      m.inputs,
      `inputs of ${m.key}`,
    );
  }
}

/** Run `main` on zeros of the given input shapes; the real output shapes must be `expected`. */
function expectRuntimeShapes(c: Compiled, inputs: Shape[], expected: Shape[]) {
  tf.tidy(() => {
    const xs = inputs.map((s) => tf.zeros([1, ...(s as number[])]));
    const ys = c.main.predict(xs.length === 1 ? xs[0]! : xs);
    const shapes = (Array.isArray(ys) ? ys : [ys]).map((y) => y.shape.slice(1));
    expect(shapes, 'runtime output shapes').toEqual(expected);
  });
}

function kindsOf(doc: { nodes: GraphNode[] }): string[] {
  const out: string[] = [];
  const walk = (nodes: GraphNode[]) => {
    for (const n of nodes) {
      out.push(n.kind);
      if (n.graph) walk(n.graph.nodes);
    }
  };
  walk(doc.nodes);
  return out;
}

describe('analysis agrees with tfjs on random image graphs', () => {
  test(`${RUNS} generated graphs, ≥ ${MIN_VALID} valid ones compiled and compared`, () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const doc = imageGraph(g);
        const a = analyze(doc);
        if (!a.valid) {
          stats.invalid++;
          return;
        }
        stats.valid++;
        const c = compileValid(doc, a);
        try {
          compareModels(a, c);
          // Real tensors: run the model on zeros and check the actual shapes.
          const top = a.models[0]!;
          expectRuntimeShapes(c, top.inputs, top.outputs);
          // For the log: what kinds of graphs were actually checked.
          const kinds = kindsOf(doc);
          for (const k of kinds) stats.kinds.add(k);
          if (a.models.length > 1) stats.composites++;
          if (top.inputs.length > 1) stats.twoInputs++;
          if (top.outputs.length > 1) stats.twoOutputs++;
          if (kinds.includes('Add')) stats.adds++;
          if (kinds.includes('Concatenate')) stats.concats++;
        } catch (e) {
          throw new Error(`${e instanceof Error ? e.message : String(e)}\ngraph: ${JSON.stringify(doc)}`);
        } finally {
          disposeAll(c);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(
      `agreement: ${stats.valid} valid graphs compiled and compared, ${stats.invalid} rejected by analysis; ` +
        `${stats.composites} with composites, ${stats.twoInputs} with two inputs, ${stats.twoOutputs} with several outputs, ` +
        `${stats.adds} with Add, ${stats.concats} with Concatenate; kinds used: ${[...stats.kinds].sort().join(', ')} ` +
        `(registered for generation: ${kindsInPlay().join(', ')})`,
    );
    expect(stats.valid).toBeGreaterThanOrEqual(MIN_VALID);
    expect(stats.composites).toBeGreaterThan(50);
    expect(stats.twoInputs).toBeGreaterThan(50);
    expect(stats.twoOutputs).toBeGreaterThan(50);
  });

  /**
   * Inputs of shape [null, null, C]. Known sizes (channels, weights) must
   * agree symbolically; then the same graph with concrete sizes is analysed
   * and the null-shaped model is run at those sizes. Kinds tfjs can only
   * build with known sizes (Flatten, cropping) are refused by analysis
   * ('unknown-size'), so every graph analysis accepts is compared.
   */
  test('graphs with unknown height and width: known sizes agree, and the model runs at concrete sizes', () => {
    const s = { valid: 0, ranConcrete: 0 };
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const doc = imageGraph(g, { unknownDims: true });
        const a = analyze(doc);
        if (!a.valid) return;
        s.valid++;
        const c = compileValid(doc, a);
        try {
          compareModels(a, c);
          // The same graph at concrete sizes.
          const concrete = structuredClone(doc);
          for (const n of concrete.nodes) {
            if (n.kind === 'Input') n.params = { ...n.params, shape: [g(fc.integer, { min: 4, max: 16 }), g(fc.integer, { min: 4, max: 16 }), (n.params.shape as number[])[2]] };
          }
          const ca = analyze(concrete);
          if (!ca.valid) return;
          const [top, ctop] = [a.models[0]!, ca.models[0]!];
          // Everything analysis knew without the sizes still holds with them.
          expectShapes(ctop.outputs, top.outputs, 'concrete analysis output');
          expect(ctop.params).toBe(top.params);
          expectRuntimeShapes(c, ctop.inputs, ctop.outputs);
          s.ranConcrete++;
        } catch (e) {
          throw new Error(`${e instanceof Error ? e.message : String(e)}\ngraph: ${JSON.stringify(doc)}`);
        } finally {
          disposeAll(c);
        }
      }),
      { seed: SEED + 1, numRuns: Math.round(RUNS / 2), endOnFailure: true },
    );
    console.log(`agreement (unknown height/width): ${s.valid} valid graphs compared, ${s.ranConcrete} also run at concrete sizes`);
    expect(s.valid).toBeGreaterThanOrEqual(150);
    expect(s.ranConcrete).toBeGreaterThanOrEqual(100);
  });

  test('every compiled model was disposed: tensor count is back to where it started', () => {
    expect(stats.valid).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
