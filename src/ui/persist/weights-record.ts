/**
 * A document's weights as an IndexedDB record: binary, not JSON text. The
 * layout is the tfjs one netloom already writes next to imported graphs (a
 * manifest + one buffer, see src/import/weights-file.ts), so reading a record
 * back is checked by the same code as reading a weights file.
 */
import type { ImportedWeights } from '../../import/types.ts';
import { readWeights, writeWeights } from '../../import/weights-file.ts';

export const WEIGHTS_RECORD_FORMAT = 'netloom.autosave.weights';
const BIN = 'weights.bin';

export interface WeightsRecord {
  format: typeof WEIGHTS_RECORD_FORMAT;
  savedAt: number;
  /** Where they came from: a file name, or 'trained'. */
  source: string;
  /** The tfjs weights manifest (names, shapes, dtypes), as netloom's .weights.json. */
  manifest: string;
  /** Every tensor's bytes, one after another. */
  bin: ArrayBuffer;
}

export function weightsRecord(weights: ImportedWeights, source: string): WeightsRecord {
  const { manifest, bin } = writeWeights(weights, BIN);
  return { format: WEIGHTS_RECORD_FORMAT, savedAt: Date.now(), source, manifest, bin: bin.buffer as ArrayBuffer };
}

export type WeightsRead = { ok: true; weights: ImportedWeights; source: string } | { ok: false; message: string };

/** Never throws. */
export function readWeightsRecord(rec: unknown): WeightsRead {
  const r = rec as Partial<WeightsRecord> | null;
  if (!r || typeof r !== 'object' || r.format !== WEIGHTS_RECORD_FORMAT || typeof r.manifest !== 'string' || !(r.bin instanceof ArrayBuffer)) {
    return { ok: false, message: 'the stored weights are not in a form this version knows' };
  }
  const w = readWeights(r.manifest, new Map([[BIN, r.bin]]));
  if (!w.ok) return { ok: false, message: w.error.message };
  return { ok: true, weights: w.weights, source: typeof r.source === 'string' && r.source ? r.source : '?' };
}
