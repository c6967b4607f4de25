/**
 * Test helpers for model files as tfjs writes them: a model.json whose
 * weightsManifest names .bin files next to it. Used by the tests and by
 * tests/fixtures/import/make-fixtures.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What `model.save()` hands to a save handler. */
export async function saveArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      saved = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return saved!;
}

/** Artifacts → the model.json object and its one .bin, the layout tfjs's file and download handlers write. */
export function toModelJson(a: tf.io.ModelArtifacts, bin = 'weights.bin'): { json: Record<string, unknown>; bin: ArrayBuffer } {
  const json = {
    modelTopology: a.modelTopology,
    format: a.format,
    generatedBy: a.generatedBy,
    convertedBy: a.convertedBy,
    weightsManifest: [{ paths: [bin], weights: a.weightSpecs ?? [] }],
  };
  return { json, bin: (a.weightData as ArrayBuffer | undefined) ?? new ArrayBuffer(0) };
}

/** A model.json on disk and the .bin files its manifest names. */
export function readModelFiles(path: string): { text: string; files: Map<string, Uint8Array> } {
  const text = readFileSync(path, 'utf8');
  const files = new Map<string, Uint8Array>();
  const manifest = (JSON.parse(text) as { weightsManifest?: { paths: string[] }[] }).weightsManifest ?? [];
  for (const p of manifest.flatMap((g) => g.paths)) files.set(p, new Uint8Array(readFileSync(join(dirname(path), p))));
  return { text, files };
}

/** The reference: tfjs's own loader reading the same model.json and .bin files. */
export async function tfjsLoad(path: string): Promise<tf.LayersModel> {
  const { text, files } = readModelFiles(path);
  const json = JSON.parse(text) as { modelTopology: object; weightsManifest?: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[] };
  const groups = json.weightsManifest ?? [];
  const parts = groups.flatMap((g) => g.paths.map((p) => files.get(p)!));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: groups.flatMap((g) => g.weights), weightData: all.buffer }));
}

/** Deterministic, non-trivial values for weight `seed` (moving variances kept positive). */
export function pattern(count: number, seed: number, positive = false): Float32Array {
  const v = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const x = Math.sin((i + 1) * 12.9898 + seed * 78.233) * 0.5;
    v[i] = positive ? Math.abs(x) + 0.5 : x;
  }
  return v;
}

/** Give every weight of a model deterministic values, so fixture files are the same on every run. */
export function fillWeights(model: tf.LayersModel): void {
  model.weights.forEach((w, i) => {
    const shape = w.shape as number[];
    const t = tf.tensor(pattern(shape.reduce((a, d) => a * d, 1), i, w.originalName.includes('variance')), shape);
    w.write(t);
    t.dispose();
  });
}
