/**
 * Measures what a training step holds on tfjs's wasm backend, for the two
 * factors of the training estimate in src/analysis/budget.ts (the limit
 * itself comes from scripts/measure-memory-limits.ts):
 *
 *   npx tsx scripts/measure-training-memory.ts weights [adam|sgd|rmsprop] [FILE]
 *     bytes held per trainable weight (BYTES_PER_WEIGHT): three steps taken as
 *     runTraining takes them (the weights snapshotted before each batch for the
 *     NaN guard), on a model whose outputs are negligible next to its weights
 *     (default: Dense 4096 → 4096 → 1024, 21 M weights);
 *   npx tsx scripts/measure-training-memory.ts batch FILE BATCH [adam|sgd|rmsprop]
 *     whether two steps at that batch size train, the wasm heap they reach, and
 *     the heap per sample over the layer outputs of one sample
 *     (ACTIVATION_FACTOR: take the largest batch that trains), next to what
 *     the budget estimates. Run each batch size in a fresh process: past the
 *     limit tfjs writes through a null pointer and nothing after it is sound
 *     (mnist-cnn at 3,328: XNNPACK errors, the step throws, and after the
 *     result line the wasm module kills the process with "divide by zero").
 *
 * Run by hand; a batch near the limit allocates ~4 GiB for a minute or two.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../src/analysis/analyze.ts';
import { trainBytes, TENSOR_MEMORY_LIMIT, type OptimizerName } from '../src/analysis/budget.ts';
import { compileGraph } from '../src/compile/compile.ts';
import { loadTf } from '../src/compile/tf.ts';
import { loadGraph } from '../src/graph/load.ts';
import type { GraphDoc } from '../src/graph/schema.ts';
import { selectNodeBackend } from '../src/train/backend/select-node.ts';
import { snapshot } from '../src/train/run-parts.ts';

const WIDE_DENSE = JSON.stringify({
  format: 'netloom.graph',
  version: 1,
  name: 'Dense 4096 → 4096 → 1024',
  nodes: [
    { id: 'x', kind: 'Input', params: { shape: [4096] } },
    { id: 'd1', kind: 'Dense', params: { units: 4096, activation: 'relu' } },
    { id: 'd2', kind: 'Dense', params: { units: 1024 } },
  ],
  edges: [
    { id: 'e1', source: 'x', target: 'd1' },
    { id: 'e2', source: 'd1', target: 'd2' },
  ],
});

function docOf(source: string, name: string): GraphDoc {
  const r = loadGraph(source);
  if (!r.ok) throw new Error(`${name}: not a netloom graph`);
  return r.doc;
}

const [mode, ...args] = process.argv.slice(2);
if (mode !== 'weights' && mode !== 'batch') throw new Error('usage: weights [optimizer] [FILE] | batch FILE BATCH [optimizer]');
const file = mode === 'weights' ? args[1] : args[0];
const batch = mode === 'batch' ? Number(args[1]) : 8;
const optimizer = ((mode === 'weights' ? args[0] : args[2]) ?? 'adam') as OptimizerName;
const doc = file ? docOf(readFileSync(file, 'utf8'), file) : docOf(WIDE_DENSE, 'the wide Dense model');

const tf = await loadTf();
await selectNodeBackend(tf, { order: ['wasm'] });
const a = analyze(doc);
const c = compileGraph(tf, doc);
if (!c.ok) throw new Error(c.diagnostics[0]!.message);
const m = c.value.main;
const optimizers = { adam: () => tf.train.adam(1e-3), sgd: () => tf.train.sgd(1e-3), rmsprop: () => tf.train.rmsprop(1e-3) };
m.compile({ optimizer: optimizers[optimizer](), loss: 'meanSquaredError' });
const shapeOf = (s: (number | null)[]) => s.slice(1) as number[];
const x = tf.randomUniform([batch, ...shapeOf(m.inputs[0]!.shape)], 0, 1, 'float32', 1);
const y = tf.randomUniform([batch, ...shapeOf(m.outputs[0]!.shape)], 0, 1, 'float32', 2);
/** The wasm module's heap: it only grows, so after the steps it is the most they held at once (plus fragmentation). */
const heap = () => (tf.backend() as unknown as { wasm?: { HEAPU8: Uint8Array } }).wasm?.HEAPU8.length ?? 0;
const MIB = 2 ** 20;

let previous: ReturnType<typeof snapshot> | null = null;
let peak = 0;
const losses: number[] = [];
let failure: string | null = null;
try {
  for (let i = 0; i < (mode === 'weights' ? 3 : 2); i++) {
    const info = await tf.profile(async () => {
      const current = snapshot(tf, m.weights);
      losses.push(Number(await m.trainOnBatch(x, y)));
      if (previous) tf.dispose(previous);
      previous = current;
    });
    peak = Math.max(peak, info.peakBytes);
  }
} catch (e) {
  failure = e instanceof Error ? e.message.slice(0, 120) : String(e);
}
const trained = !failure && losses.every(Number.isFinite);
const estimate = trainBytes(a.totals, { batchSize: batch, optimizer });
const common = { graph: doc.name, optimizer, batch, trained, ...(failure ? { failure } : {}), heapMiB: +(heap() / MIB).toFixed(1), peakMiB: +(peak / MIB).toFixed(1) };
if (mode === 'weights') {
  const weightBytes = 4 * a.totals.trainableParams;
  console.log(JSON.stringify({ ...common, trainableParams: a.totals.trainableParams, peakPerWeightByte: +(peak / weightBytes).toFixed(2), heapPerWeightByte: +(heap() / weightBytes).toFixed(2) }));
} else {
  console.log(
    JSON.stringify({
      ...common,
      outputsPerSampleMiB: +(a.totals.activationBytes / MIB).toFixed(2),
      heapPerSampleOverOutputs: +(heap() / batch / a.totals.activationBytes).toFixed(2),
      budgetEstimateMiB: +(estimate / MIB).toFixed(1),
      budgetSaysFits: estimate <= TENSOR_MEMORY_LIMIT,
    }),
  );
}
