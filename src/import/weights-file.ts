/**
 * Imported weights on disk next to a graph file, in the tfjs layout (a
 * manifest + one .bin) so any tfjs tooling can read them too; names are
 * netloom node paths (`conv1/kernel`, `encoder/dense/bias`).
 *   GRAPH.weights.json  { format: "netloom.weights", version: 1, weightsManifest: [...] }
 *   GRAPH.weights.bin
 */
import { z } from 'zod';
import { check, WeightsManifestSchema } from './keras-schema.ts';
import { decodeWeights, type WeightFiles } from './decode-weights.ts';
import { ImportFailure, importError, type ImportError, type ImportedWeights } from './types.ts';
import { text } from '../i18n/text.ts';

export const WEIGHTS_FORMAT = 'netloom.weights';

export function writeWeights(weights: ImportedWeights, binName: string): { manifest: string; bin: Uint8Array } {
  const entries = [...weights].map(([name, t]) => ({ name, shape: t.shape, dtype: t.dtype }));
  const bin = new Uint8Array([...weights.values()].reduce((n, t) => n + t.data.byteLength, 0));
  let at = 0;
  for (const t of weights.values()) {
    bin.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), at);
    at += t.data.byteLength;
  }
  const manifest = { format: WEIGHTS_FORMAT, version: 1, weightsManifest: [{ paths: [binName], weights: entries }] };
  return { manifest: JSON.stringify(manifest, null, 1) + '\n', bin };
}

const WeightsFileSchema = z.looseObject({ format: z.literal(WEIGHTS_FORMAT), version: z.literal(1), weightsManifest: WeightsManifestSchema });

export function readWeights(manifestText: string, files: WeightFiles): { ok: true; weights: ImportedWeights } | { ok: false; error: ImportError } {
  try {
    let raw: unknown;
    try {
      raw = JSON.parse(manifestText);
    } catch {
      return { ok: false, error: importError('json', text('import.manifest-not-json')) };
    }
    const file = check(WeightsFileSchema, raw, '');
    return { ok: true, weights: decodeWeights(file.weightsManifest, files) };
  } catch (e) {
    if (e instanceof ImportFailure) return { ok: false, error: e.error };
    throw e;
  }
}
