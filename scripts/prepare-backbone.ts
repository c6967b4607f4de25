/**
 * Makes the transfer-learning preset's pretrained backbone: the small CNN of
 * scripts/presets/transfer.ts trained on MNIST digits 0–4, saved in tfjs
 * format (model.json + weights.bin) under public/data/backbone-digits-0-4/.
 * Generated, never committed; runs from `npm run prepare-data` and the Vite
 * data plugin. Quick when current: a stamp of the architecture sits beside it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { compileGraph } from '../src/compile/compile.ts';
import { findBuiltinDataset } from '../src/data/catalog.ts';
import { nodeFetchBytes } from '../src/data/node/read-data-files.ts';
import { selectNodeBackend } from '../src/train/backend/select-node.ts';
import { BACKBONE_DIR, backboneDoc, pretrainDoc } from './presets/transfer.ts';

export interface BackboneResult {
  status: 'current' | 'written';
  dir: string;
  ms: number;
  /** Test accuracy on digits 0–4 after pretraining (when written). */
  accuracy?: number;
}

const STAMP = 'netloom-backbone.json';

function stampOf(): string {
  return createHash('sha256').update(JSON.stringify([backboneDoc().nodes.map((n) => [n.id, n.kind, n.params]), pretrainDoc().nodes.length, 2])).digest('hex').slice(0, 16);
}

export async function prepareBackbone(root: string, dataDir = join(root, 'public', 'data')): Promise<BackboneResult> {
  const t0 = performance.now();
  const dir = join(dataDir, BACKBONE_DIR);
  const stamp = stampOf();
  const stampFile = join(dir, STAMP);
  if (existsSync(join(dir, 'model.json')) && existsSync(join(dir, 'weights.bin')) && existsSync(stampFile) && JSON.parse(readFileSync(stampFile, 'utf8')).stamp === stamp) {
    return { status: 'current', dir, ms: performance.now() - t0 };
  }
  const tf = await import('@tensorflow/tfjs');
  await selectNodeBackend(tf, { order: ['wasm', 'cpu'] });
  const data = await findBuiltinDataset('mnist-0-4')!.load({ fetchBytes: nodeFetchBytes({ root, dir: dataDir }) });
  if (!data.ok) throw new Error(data.error.message);
  const { train, test } = data.value;
  const pre = compileGraph(tf, pretrainDoc());
  const alone = compileGraph(tf, backboneDoc());
  if (!pre.ok || !alone.ok) throw new Error('the backbone graphs do not compile');
  const model = pre.value.main;
  const tensors = (d: typeof train) => [tf.tensor4d(d.x, [d.count, 28, 28, 1]), tf.oneHot(tf.tensor1d(d.y!, 'int32'), 5)] as const;
  const [xs, ys] = tensors(train);
  const [xt, yt] = tensors(test);
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  await model.fit(xs, ys, { epochs: 2, batchSize: 64, shuffle: true, verbose: 0 });
  const accuracy = (model.evaluate(xt, yt) as import('@tensorflow/tfjs').Scalar[])[1]!.dataSync()[0]!;
  // The backbone alone, with the trained weights copied over by layer name (the names are the node ids).
  const backbone = alone.value.main;
  for (const layer of backbone.layers) if (layer.weights.length) layer.setWeights(model.getLayer(layer.name).getWeights());
  let artifacts: import('@tensorflow/tfjs').io.ModelArtifacts | undefined;
  await backbone.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  mkdirSync(dir, { recursive: true });
  const { modelTopology, weightSpecs, weightData } = artifacts!;
  const modelJson = { format: 'layers-model', generatedBy: 'netloom prepare-backbone', modelTopology, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }] };
  writeFileSync(join(dir, 'model.json'), JSON.stringify(modelJson));
  writeFileSync(join(dir, 'weights.bin'), new Uint8Array(weightData as ArrayBuffer));
  writeFileSync(stampFile, JSON.stringify({ stamp, accuracy, trainedOn: 'MNIST digits 0–4', at: new Date().toISOString() }));
  tf.dispose([xs, ys, xt, yt]);
  model.dispose();
  backbone.dispose();
  return { status: 'written', dir, ms: performance.now() - t0, accuracy };
}
