/**
 * A trained model leaving the run: as tfjs files (model.json + weights.bin,
 * what tf.loadLayersModel reads), as weights by node path (what the graph
 * keeps and loadImportedWeights puts back), or as one prediction (the
 * drawing pad).
 */
import type { Compiled } from '../compile/compile.ts';
import type { LayersModel, Tf } from '../compile/tf.ts';
import type { ImportedWeights, WeightDtype } from '../import/types.ts';

export const WEIGHTS_FILE = 'weights.bin';

/** model.json (tfjs layers format, its manifest naming weights.bin) and the weights' bytes. */
export async function exportTrained(tf: Tf, model: LayersModel): Promise<{ modelJson: object; weightsBin: ArrayBuffer }> {
  let saved: Parameters<Parameters<Tf['io']['withSaveHandler']>[0]>[0] | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const a = saved!;
  const data = a.weightData;
  const weightsBin = data === undefined ? new ArrayBuffer(0) : Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : (data as ArrayBuffer);
  const modelJson = {
    format: a.format ?? 'layers-model',
    generatedBy: a.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: a.convertedBy ?? null,
    modelTopology: a.modelTopology,
    ...(a.trainingConfig ? { trainingConfig: a.trainingConfig } : {}),
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: a.weightSpecs ?? [] }],
  };
  return { modelJson, weightsBin };
}

type AnyLayer = LayersModel['layers'][number];

/**
 * Every weight of the compiled graph by `nodePath/weightName`: the inverse of loadImportedWeights.
 * Read asynchronously: a synchronous read on webgpu goes through a canvas, which loses the device
 * under SwiftShader (tests/browser/train-backends.test.ts), and stalls any GPU.
 */
export async function extractWeights(compiled: Compiled): Promise<ImportedWeights> {
  const byName = new Map<string, AnyLayer>();
  const walk = (l: AnyLayer) => {
    const inner = (l as { layers?: AnyLayer[] }).layers;
    if (Array.isArray(inner)) inner.forEach(walk);
    else byName.set(l.name, l);
  };
  compiled.main.layers.forEach(walk);
  const out: ImportedWeights = new Map();
  for (const [path, layerName] of compiled.layerNames) {
    const layer = byName.get(layerName);
    if (!layer) continue; // a composite's own name: its layers are listed under their paths
    for (const w of layer.weights) {
      const prefix = `${layerName}/`;
      if (!w.originalName.startsWith(prefix)) continue;
      const value = w.read();
      const data = await value.data();
      out.set(`${path}/${w.originalName.slice(prefix.length)}`, {
        shape: [...w.shape] as number[],
        dtype: value.dtype as WeightDtype,
        data: data instanceof Float32Array || data instanceof Int32Array || data instanceof Uint8Array ? data.slice() : Float32Array.from(data as ArrayLike<number>),
      });
    }
  }
  return out;
}

/** One sample (values in the model input's order) → the model's output values. */
export function predictOne(tf: Tf, model: LayersModel, x: Float32Array, shape: readonly number[]): Float32Array {
  const need = shape.reduce((a, b) => a * b, 1);
  if (x.length !== need) throw new Error(`the model takes ${need} values of shape [${shape.join(', ')}], and got ${x.length}`);
  return tf.tidy(() => {
    const y = model.predict(tf.tensor(x, [1, ...shape]));
    return (Array.isArray(y) ? y[0]! : y).dataSync() as Float32Array;
  }).slice();
}
