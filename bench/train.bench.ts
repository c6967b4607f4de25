/**
 * Training through netloom (runTraining: compile, task recipe, our batch
 * loop with its guards and events) against the same model trained by hand
 * with plain tfjs model.fit, same data (real MNIST digits, the same
 * train/validation split), same batch size, same backend; time per epoch
 * (validation included on both sides), in alternating rounds (see
 * compare). Target: netloom / fit ≤ 1.03 on cpu.
 *
 *  1. cpu: a dense MNIST classifier (784 → 128 → 10), the target ratio.
 *  2. wasm: the small MNIST CNN (tests/fixtures/train), where batches are
 *     fastest and a per-batch overhead would show most.
 *  3. wasm: the course's MNIST CNN preset through netloom: ms per epoch and
 *     test accuracy (README numbers). cpu times per epoch for a CNN are in
 *     the `backends` bench (a minute per epoch, not repeated here).
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import type { LayersModel } from '../src/compile/tf.ts';
import { findBuiltinDataset } from '../src/data/catalog.ts';
import type { DatasetSplit } from '../src/data/dataset.ts';
import { nodeFetchBytes } from '../src/data/node/read-data-files.ts';
import { loadGraph } from '../src/graph/load.ts';
import type { GraphDoc } from '../src/graph/schema.ts';
import { selectNodeBackend } from '../src/train/backend/select-node.ts';
import type { BackendReport } from '../src/train/backend/select.ts';
import { configFromDoc, type TrainConfig } from '../src/train/config.ts';
import { prepareData } from '../src/train/prepare.ts';
import { runTraining } from '../src/train/run.ts';
import { median, round, type Bench } from './lib.ts';


function graph(path: string): GraphDoc {
  const r = loadGraph(readFileSync(new URL(path, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`${path}: ${r.error.message}`);
  return r.doc;
}

const dense: GraphDoc = {
  format: 'netloom.graph',
  version: 1,
  name: 'dense-mnist-bench',
  nodes: [
    { id: 'x', kind: 'Input', params: { shape: [784] } },
    { id: 'hidden', kind: 'Dense', params: { units: 128, activation: 'relu' } },
    { id: 'digit', kind: 'Dense', params: { units: 10, activation: 'softmax' } },
  ],
  edges: [
    { id: 'e1', source: 'x', target: 'hidden' },
    { id: 'e2', source: 'hidden', target: 'digit' },
  ],
};

/** Wall time and this process's CPU time (user + system), ms. */
interface EpochTime {
  wall: number;
  cpu: number;
}
function now(): EpochTime {
  const u = process.cpuUsage();
  return { wall: performance.now(), cpu: (u.user + u.system) / 1000 };
}

/** Per-epoch times of one netloom run (epoch events' elapsed differences) and its last val accuracy. */
async function netloomRun(doc: GraphDoc, config: TrainConfig, data: DatasetSplit, backend: BackendReport) {
  const marks: EpochTime[] = [];
  let valAcc = NaN;
  let testAcc = NaN;
  const r = await runTraining({
    tf,
    doc,
    config,
    data,
    backend,
    onEvent: (e) => {
      if (e.type === 'started') marks.push(now());
      if (e.type === 'epoch') {
        marks.push(now());
        valAcc = e.metrics.val_acc ?? NaN;
      }
      if (e.type === 'done') testAcc = e.test?.acc ?? NaN;
    },
  });
  r.compiled?.main.dispose();
  if (r.done.reason !== 'finished') throw new Error(`netloom run ended: ${r.done.reason} ${r.done.message ?? ''}`);
  return { perEpoch: marks.slice(1).map((m, i) => ({ wall: m.wall - marks[i]!.wall, cpu: m.cpu - marks[i]!.cpu })), valAcc, testAcc };
}

/** The same model by hand: tfjs layers built from the compiled graph's config, model.fit with validation data. */
async function fitRun(doc: GraphDoc, config: TrainConfig, data: DatasetSplit): Promise<EpochTime[]> {
  const prepared = prepareData(data, config);
  const { compileGraph } = await import('../src/compile/compile.ts');
  const built = compileGraph(tf, doc);
  if (!built.ok) throw new Error('compile failed');
  const model: LayersModel = built.value.main;
  const shape = model.inputs[0]!.shape.slice(1) as number[];
  const x = tf.tensor(prepared.train.x, [prepared.train.count, ...shape]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(prepared.train.y!, 'int32'), 10).toFloat());
  const xv = tf.tensor(prepared.val.x, [prepared.val.count, ...shape]);
  const yv = tf.tidy(() => tf.oneHot(tf.tensor1d(prepared.val.y!, 'int32'), 10).toFloat());
  const optimizer = tf.train.adam(config.learningRate);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const times: EpochTime[] = [];
  let t0 = now();
  try {
    await model.fit(x, y, {
      batchSize: config.batchSize,
      epochs: config.epochs,
      validationData: [xv, yv],
      shuffle: true,
      verbose: 0,
      callbacks: {
        onEpochBegin: async () => void (t0 = now()),
        onEpochEnd: async () => {
          const t = now();
          times.push({ wall: t.wall - t0.wall, cpu: t.cpu - t0.cpu });
        },
      },
    });
  } finally {
    tf.dispose([x, y, xv, yv]);
    optimizer.dispose();
    model.dispose();
  }
  return times;
}

/**
 * Rounds of one netloom run and one fit run (2 epochs each, the first a
 * warm-up), taking turns at going first; the ratio is the median over rounds
 * of netloom / fit for the second epoch. Primary: this process's CPU time
 * (tfjs here is single-threaded, and CPU time does not grow when other
 * processes share the cores, which wall time on this machine does by up to
 * 2×); wall time is reported beside it.
 */
async function compare(emit: (l: Record<string, unknown>) => void, label: string, doc: GraphDoc, config: TrainConfig, data: DatasetSplit, backend: BackendReport, rounds: number) {
  const ours: EpochTime[] = [];
  const theirs: EpochTime[] = [];
  for (let k = 0; k < rounds; k++) {
    const netloomEpoch = async () => (await netloomRun(doc, config, data, backend)).perEpoch.at(-1)!;
    const fitEpoch = async () => (await fitRun(doc, config, data)).at(-1)!;
    if (k % 2 === 0) {
      ours.push(await netloomEpoch());
      theirs.push(await fitEpoch());
    } else {
      theirs.push(await fitEpoch());
      ours.push(await netloomEpoch());
    }
  }
  const ratio = (key: keyof EpochTime) => round(median(ours.map((t, k) => t[key] / theirs[k]![key])), 3);
  emit({
    bench: 'train',
    case: label,
    backend: backend.active,
    trainSamples: Math.round((config.maxSamples ?? 8000) * (1 - config.validationSplit)),
    batchSize: config.batchSize,
    netloomMsPerEpoch: round(median(ours.map((t) => t.wall)), 0),
    fitMsPerEpoch: round(median(theirs.map((t) => t.wall)), 0),
    netloomCpuMsPerEpoch: round(median(ours.map((t) => t.cpu)), 0),
    fitCpuMsPerEpoch: round(median(theirs.map((t) => t.cpu)), 0),
    ratio: ratio('cpu'),
    wallRatio: ratio('wall'),
    roundCpuRatios: ours.map((t, k) => round(t.cpu / theirs[k]!.cpu, 3)),
    target: 'ratio (CPU time, immune to other processes on a shared machine) ≤ 1.03',
  });
}

export const bench: Bench = {
  name: 'train',
  async run(emit) {
    const loaded = await findBuiltinDataset('mnist')!.load({ fetchBytes: nodeFetchBytes() });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const data = loaded.value;

    const cpu = await selectNodeBackend(tf, { order: ['cpu'] });
    // 9 rounds: single rounds range ~0.8–1.1 here (other jobs, GC), and a median of 5 moved by ±0.05 between runs.
    await compare(emit, 'dense 784-128-10, netloom / model.fit', dense, configFromDoc(dense, { epochs: 2, batchSize: 64, maxSamples: 3000 }), data, cpu, 9);

    const wasm = await selectNodeBackend(tf, { order: ['wasm'] });
    if (wasm.active !== 'wasm') throw new Error('wasm did not start');
    const small = graph('../tests/fixtures/train/mnist-cnn-small.json');
    await compare(emit, 'small MNIST CNN, netloom / model.fit', small, configFromDoc(small, { epochs: 2, batchSize: 64, maxSamples: 4000 }), data, wasm, 7);

    const preset = graph('../graph-presets/mnist-cnn.json');
    const config = configFromDoc(preset, { epochs: 3 });
    const r = await netloomRun(preset, config, data, wasm);
    emit({
      bench: 'train',
      case: 'MNIST CNN preset (graph-presets/mnist-cnn.json) through netloom',
      backend: 'wasm',
      simd: wasm.wasm?.simd,
      trainSamples: 7200,
      batchSize: config.batchSize,
      msPerEpoch: r.perEpoch.map((v) => round(v.wall, 0)),
      cpuMsPerEpoch: r.perEpoch.map((v) => round(v.cpu, 0)),
      valAcc: round(r.valAcc, 4),
      testAcc: round(r.testAcc, 4),
    });
  },
};
