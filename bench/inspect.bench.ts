/**
 * What the inspector's views inside the network cost, in Node on wasm
 * (SIMD, netloom's kernels), for one sample with the preset's seeded start
 * weights: each view's median ms and its ratio to one `model.predict` of
 * the same sample measured in this run. Issue 15's bar: one node's maps for
 * an MNIST CNN sample ≤ 100 ms. The browser adds the worker round trip and
 * drawing (the browser test logs those per update).
 */
import { readFileSync } from 'node:fs';
import { compileGraph } from '../src/compile/compile.ts';
import { loadGraph } from '../src/graph/load.ts';
import type { GraphDoc } from '../src/graph/schema.ts';
import { nodeKeys } from '../src/inspect/forward.ts';
import { Inspection, type SampleInput } from '../src/inspect/inspection.ts';
import { selectNodeBackend } from '../src/train/backend/select-node.ts';
import type { Tensor } from '../src/train/tensors.ts';
import { round, time, type Bench } from './lib.ts';

function preset(name: string): GraphDoc {
  const r = loadGraph(readFileSync(new URL(`../graph-presets/${name}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const sampleOf = (shape: number[]): SampleInput => ({ values: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, rand), shape });

export const bench: Bench = {
  name: 'inspect',
  async run(emit) {
    const tf = await import('@tensorflow/tfjs');
    const report = await selectNodeBackend(tf, { order: ['wasm'] });
    if (report.active !== 'wasm') throw new Error(`wasm did not start: ${JSON.stringify(report.skipped)}`);
    const cases: { preset: string; maps: string[]; filters?: [string, string]; gradcam?: string; walk?: boolean }[] = [
      { preset: 'mnist-cnn.json', maps: ['conv1', 'conv2', 'digit'], filters: ['conv2', 'Conv2D'], gradcam: 'conv2' },
      { preset: 'unet-small.json', maps: ['down1_conv1', 'concat2', 'classes'], filters: ['up2', 'Conv2DTranspose'] },
      { preset: 'autoencoder.json', maps: ['encoder/latent'], walk: true },
    ];
    for (const c of cases) {
      const doc = preset(c.preset);
      const r = compileGraph(tf, doc);
      if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
      const look = new Inspection(tf, r.value, doc);
      const model = r.value.main;
      const shape = model.inputs[0]!.shape.slice(1) as number[];
      const sample = sampleOf(shape);
      const x = tf.tensor(sample.values, [1, ...shape]);
      const predict = time(() => tf.tidy(() => (model.predict(x) as Tensor).dataSync()));
      x.dispose();
      const line = (view: string, t: { medianMs: number }) => emit({ bench: 'inspect', preset: c.preset, view, ms: t.medianMs, perPredict: round(t.medianMs / predict.medianMs, 2) });
      line('predict', predict);
      for (const key of c.maps) line(`maps ${key}`, time(() => look.maps(key, sample)));
      const keys = nodeKeys(doc, r.value.analysis);
      line(`thumbs of ${keys.length} nodes`, time(() => look.thumbs(keys, sample)));
      if (c.filters) line(`filters ${c.filters[0]}`, time(() => look.filters(c.filters![0], c.filters![1])));
      if (c.gradcam) line(`gradcam ${c.gradcam}`, time(() => look.gradcam(sample, c.gradcam!, null)));
      if (c.walk) line('latent walk, 8 steps', time(() => look.walk({ kind: 'codes', from: sample, to: sampleOf(shape), steps: 8 })));
      tf.disposeVariables();
    }
  },
};
