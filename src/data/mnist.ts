/**
 * MNIST loader for the browser, the worker and Node alike: give it a
 * FetchBytes (browserFetchBytes() in the app, nodeFetchBytes() in Node) and
 * get typed arrays back. No tfjs here.
 */
import { crc32 } from './checksum.ts';
import type { Dataset, DatasetSplit } from './dataset.ts';
import { DATA_DIR, type FetchBytes } from './fetch-bytes.ts';
import { MNIST_MANIFEST_FILE, MnistManifestSchema, type MnistManifest } from './mnist-manifest.ts';
import { fail, internal, ok, type DataResult } from './result.ts';
import { text } from '../i18n/text.ts';

/** The prepared files, checked against the manifest; the cheapest form to transfer to a worker (8 MB). */
export interface MnistBytes {
  manifest: MnistManifest;
  /** count × 784 bytes 0–255; rows [0, manifest.split.train) are training digits. */
  images: Uint8Array;
  /** count digits 0–9. */
  labels: Uint8Array;
}

/** Train (8,000) and test (2,000) digits as 28×28×1 Float32 0–1 images with int labels. */
export interface MnistData extends DatasetSplit {
  manifest: MnistManifest;
}


export async function loadMnistBytes(fetchBytes: FetchBytes): Promise<DataResult<MnistBytes>> {
  try {
    const where = (file: string) => `${DATA_DIR}/${file}`;
    const read = async (file: string): Promise<DataResult<Uint8Array>> => {
      try {
        return ok(await fetchBytes(file));
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        return fail('missing', text('data.mnist.missing', { file: where(file), why }), { file: where(file) });
      }
    };
    const m = await read(MNIST_MANIFEST_FILE);
    if (!m.ok) return m;
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(m.value));
    } catch {
      return fail('damaged', text('data.mnist.not-json', { file: where(MNIST_MANIFEST_FILE) }), { file: where(MNIST_MANIFEST_FILE) });
    }
    const parsed = MnistManifestSchema.safeParse(raw);
    if (!parsed.success) {
      return fail('damaged', text('data.mnist.not-manifest', { file: where(MNIST_MANIFEST_FILE) }), { file: where(MNIST_MANIFEST_FILE) });
    }
    const manifest = parsed.data;
    const [images, labels] = await Promise.all([read(manifest.images.file), read(manifest.labels.file)]);
    if (!images.ok) return images;
    if (!labels.ok) return labels;
    for (const [entry, bytes] of [[manifest.images, images.value], [manifest.labels, labels.value]] as const) {
      if (bytes.length !== entry.bytes || crc32(bytes) !== entry.crc32) {
        return fail('damaged', text('data.mnist.mismatch', { file: where(entry.file), bytes: String(bytes.length), expected: String(entry.bytes) }), { file: where(entry.file) });
      }
    }
    const { count, height, width, split } = manifest;
    if (images.value.length !== count * height * width || labels.value.length !== count || split.train + split.test !== count) {
      return fail('damaged', text('data.mnist.counts'), { file: where(MNIST_MANIFEST_FILE) });
    }
    return ok({ manifest, images: images.value, labels: labels.value });
  } catch (e) {
    return internal(text('data.loading-mnist'), e);
  }
}

export async function loadMnist(fetchBytes: FetchBytes): Promise<DataResult<MnistData>> {
  const r = await loadMnistBytes(fetchBytes);
  if (!r.ok) return r;
  try {
    return ok(mnistDatasets(r.value), r.warnings);
  } catch (e) {
    return internal(text('data.decoding-mnist'), e);
  }
}

const BYTE_TO_FLOAT = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/** Bytes → Float32 0–1 datasets (v/255 exactly as Float32 rounds it). */
export function mnistDatasets(bytes: MnistBytes): MnistData {
  const { manifest, images, labels } = bytes;
  const px = manifest.height * manifest.width * manifest.channels;
  const part = (from: number, to: number): Dataset => {
    const x = new Float32Array((to - from) * px);
    const src = images.subarray(from * px, to * px);
    for (let i = 0; i < src.length; i++) x[i] = BYTE_TO_FLOAT[src[i]!]!;
    return {
      shape: [manifest.height, manifest.width, manifest.channels],
      count: to - from,
      x,
      y: Int32Array.from(labels.subarray(from, to)),
      classNames: manifest.classNames,
    };
  };
  return { manifest, train: part(0, manifest.split.train), test: part(manifest.split.train, manifest.count) };
}
