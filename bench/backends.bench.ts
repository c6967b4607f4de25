/**
 * Time per epoch of a small MNIST-like CNN (random 28×28×1 images, 2,048
 * samples, batch 64) trained with model.fit on wasm (SIMD, with netloom's
 * gradient kernels) and on cpu, in Node; 2 timed epochs after 2 warm-up
 * batches, same graph, data and initial weights on both. Reports ms per
 * epoch and the ratio cpu / wasm measured in this run.
 *
 * fit runs with yieldEvery 'never' so the numbers are compute, not the
 * event-loop yields a browser runtime adds. cpu takes about a minute per
 * epoch here (its Conv2DBackpropFilter is a scalar loop over TensorBuffers).
 * In-browser numbers come with the training worker.
 */
import { compileGraph } from '../src/compile/compile.ts';
import type { GraphDoc } from '../src/graph/schema.ts';
import { selectNodeBackend } from '../src/train/backend/select-node.ts';
import { median, round, type Bench } from './lib.ts';

const SAMPLES = 2048;
const BATCH = 64;
const EPOCHS = 2;

const layers: [string, string, Record<string, unknown>][] = [
  ['x', 'Input', { shape: [28, 28, 1] }],
  ['c1', 'Conv2D', { filters: 8, kernelSize: 3, activation: 'relu' }],
  ['p1', 'MaxPooling2D', {}],
  ['c2', 'Conv2D', { filters: 16, kernelSize: 3, activation: 'relu' }],
  ['p2', 'MaxPooling2D', {}],
  ['f', 'Flatten', {}],
  ['out', 'Dense', { units: 10, activation: 'softmax' }],
];
const doc: GraphDoc = {
  format: 'netloom.graph',
  version: 1,
  name: 'mnist-cnn-bench',
  nodes: layers.map(([id, kind, params]) => ({ id, kind, params })),
  edges: layers.slice(1).map(([id], i) => ({ id: `e${i}`, source: layers[i]![0], target: id })),
};

export const bench: Bench = {
  name: 'backends',
  async run(emit) {
    const tf = await import('@tensorflow/tfjs');
    const report = await selectNodeBackend(tf, { order: ['wasm', 'cpu'] });
    if (report.active !== 'wasm') throw new Error(`wasm did not start: ${JSON.stringify(report.skipped)}`);

    // Same data and initial weights everywhere: built once as plain arrays.
    let seed = 1;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const images = Float32Array.from({ length: SAMPLES * 28 * 28 }, rand);
    const labels = Int32Array.from({ length: SAMPLES }, () => Math.floor(rand() * 10));
    let initial: { data: Float32Array; shape: number[] }[] | null = null;

    const perEpoch: Record<string, number> = {};
    for (const backend of ['wasm', 'cpu'] as const) {
      await tf.setBackend(backend);
      const r = compileGraph(tf, doc);
      if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
      const model = r.value.main;
      initial ??= model.getWeights().map((w) => ({ data: w.dataSync() as Float32Array, shape: w.shape }));
      model.setWeights(initial.map((w) => tf.tensor(w.data, w.shape)));
      model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const x = tf.tensor4d(images, [SAMPLES, 28, 28, 1]);
      const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10));
      try {
        const wx = x.slice(0, 2 * BATCH);
        const wy = y.slice(0, 2 * BATCH);
        await model.fit(wx, wy, { batchSize: BATCH, epochs: 1, shuffle: false, verbose: 0, yieldEvery: 'never' });
        tf.dispose([wx, wy]);
        const ms: number[] = [];
        let t0 = 0;
        const history = await model.fit(x, y, {
          batchSize: BATCH,
          epochs: EPOCHS,
          shuffle: false,
          verbose: 0,
          yieldEvery: 'never',
          callbacks: { onEpochBegin: async () => void (t0 = performance.now()), onEpochEnd: async () => void ms.push(performance.now() - t0) },
        });
        const loss = history.history.loss!.map((l) => round(Number(l), 4));
        perEpoch[backend] = median(ms);
        emit({
          bench: 'backends',
          backend,
          ...(backend === 'wasm' ? { simd: report.wasm?.simd, threads: report.wasm?.threads } : {}),
          samples: SAMPLES,
          batchSize: BATCH,
          msPerEpoch: ms.map((v) => round(v, 0)),
          medianMsPerEpoch: round(perEpoch[backend]!, 0),
          loss,
        });
      } finally {
        tf.dispose([x, y]);
        model.dispose();
      }
    }
    emit({ bench: 'backends', ratio: 'cpu/wasm', value: round(perEpoch.cpu! / perEpoch.wasm!, 1) });
  },
};
