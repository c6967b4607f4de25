/**
 * A tfjs weights manifest + its .bin files → one typed array per weight, by
 * the weight's name in the file. Each group's files are read as one buffer,
 * in `paths` order, weights laid out one after another (as tfjs writes them).
 * Quantized weights (uint8 / uint16 affine, float16) are expanded to float32.
 */
import type { WeightEntry, WeightGroup } from './keras-schema.ts';
import { text } from '../i18n/text.ts';
import { fail, join, type WeightTensor } from './types.ts';

export type WeightFiles = Map<string, ArrayBuffer | Uint8Array>;

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

export function decodeWeights(manifest: WeightGroup[], files: WeightFiles): Map<string, WeightTensor> {
  const out = new Map<string, WeightTensor>();
  manifest.forEach((group, gi) => {
    const at = join('weightsManifest', gi);
    const bytes = concat(group.paths.map((p, j) => findFile(files, p, join(join(at, 'paths'), j))));
    let offset = 0;
    group.weights.forEach((w, wi) => {
      const where = join(join(at, 'weights'), wi);
      if (w.dtype === 'string' || w.dtype === 'complex64') fail('weights', text('import.weight-dtype', { at: where, name: w.name, dtype: w.dtype }), where);
      const count = w.shape.reduce((a, d) => a * d, 1);
      const size = count * BYTES[w.quantization?.dtype ?? w.dtype]!;
      if (offset + size > bytes.length) {
        fail('weights', text('import.weight-bytes', { at: where, name: w.name, from: String(offset), to: String(offset + size), count: group.paths.length, have: String(bytes.length) }), where);
      }
      const slice = bytes.slice(offset, offset + size).buffer; // a copy, aligned for typed arrays
      offset += size;
      if (!out.has(w.name)) out.set(w.name, { shape: [...w.shape], dtype: w.dtype as WeightTensor['dtype'], data: decode(slice, w, count) });
    });
  });
  return out;
}

function findFile(files: WeightFiles, path: string, at: string): Uint8Array {
  const base = (p: string) => p.replace(/\\/g, '/').split('/').pop()!;
  const hit = files.get(path) ?? [...files].find(([k]) => base(k) === base(path))?.[1];
  if (!hit) fail('weights', text('import.weights-file', { at, path }), at);
  return hit instanceof Uint8Array ? hit : new Uint8Array(hit);
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

function decode(buf: ArrayBuffer, w: WeightEntry, count: number): WeightTensor['data'] {
  const q = w.quantization;
  if (!q) return w.dtype === 'int32' ? new Int32Array(buf) : w.dtype === 'bool' ? new Uint8Array(buf) : new Float32Array(buf);
  let values: Float32Array;
  if (q.dtype === 'float16') {
    const h = new Uint16Array(buf);
    values = Float32Array.from(h, halfToFloat);
  } else {
    const raw = q.dtype === 'uint8' ? new Uint8Array(buf) : new Uint16Array(buf);
    const scale = q.scale ?? 1;
    const min = q.min ?? 0;
    values = new Float32Array(count);
    for (let i = 0; i < count; i++) values[i] = raw[i]! * scale + min;
  }
  return w.dtype === 'int32' ? Int32Array.from(values, Math.round) : values;
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}
