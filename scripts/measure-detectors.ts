/**
 * Inference speed of the detection presets side by side, in one process and
 * on the same 400 held-out shapes images, rounds interleaved so machine load
 * falls on every detector alike: ms per image to predict and decode the
 * boxes (NMS included), as the detect task measures it after training,
 * median of 5 rounds. Weights as compiled (untrained): speed does not depend
 * on what the weights learned, beyond the few boxes NMS sees (the
 * two-stage detector's proposal count is fixed by its RegionProposals). For the README:
 *   npx tsx scripts/measure-detectors.ts
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { compileGraph } from '../src/compile/compile.ts';
import { makeShapesDetection } from '../src/data/synthetic/shapes.ts';
import { loadGraph } from '../src/graph/load.ts';
import { selectNodeBackend } from '../src/train/backend/select-node.ts';
import { decodeAll, headOf } from '../src/train/tasks/detect.ts';

const PRESETS = ['detector.json', 'ssd.json', 'faster-rcnn.json'];
const ROUNDS = 5;

const backend = await selectNodeBackend(tf, { order: ['wasm'] });
const split = makeShapesDetection();
if (!split.ok) throw new Error(split.error.message);
const test = split.value.test;
const x = tf.tensor4d(test.x, [test.count, ...test.shape] as [number, number, number, number]);
const models = PRESETS.map((file) => {
  const r = loadGraph(readFileSync(`graph-presets/${file}`, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  const c = compileGraph(tf, r.doc);
  if (!c.ok) throw new Error(`${file} does not compile`);
  const model = c.value.main;
  return { file, model, head: headOf(model.outputs[0]!.shape.slice(1) as number[], test.shape, { tf, model, classes: test.classNames.length }) };
});
const times = new Map<string, number[]>(PRESETS.map((f) => [f, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const m of models) {
    const t0 = performance.now();
    const out = tf.tidy(() => m.model.predict(x, { batchSize: 32 }) as tf.Tensor);
    const values = (await out.data()) as Float32Array;
    out.dispose();
    decodeAll(values, m.head, { scoreThreshold: 0.25, nmsIoU: 0.45 });
    times.get(m.file)!.push((performance.now() - t0) / test.count);
  }
}
console.log(`backend ${backend.active}, ${test.count} images, median of ${ROUNDS} rounds`);
for (const [file, ms] of times) console.log(`${file}: ${ms.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!.toFixed(2)} ms per image`);
