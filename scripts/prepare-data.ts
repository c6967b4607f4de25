/**
 * `npm run prepare-data`: makes the datasets the app serves from public/data
 * (MNIST as compact bytes). Idempotent and quick when already current; runs
 * before `test` and whenever Vite starts or builds (scripts/vite-plugin-data.ts).
 */
import { resolve } from 'node:path';
import { prepareMnist } from '../src/data/node/prepare-mnist.ts';

const root = resolve(import.meta.dirname, '..');
const r = prepareMnist(root);
if (!r.ok) {
  console.error(`prepare-data: ${r.error.message}`);
  process.exit(1);
}
const { status, manifest, dir, ms } = r.value;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
console.log(
  `prepare-data: MNIST ${status} in ${ms.toFixed(0)} ms — ${manifest.count} digits (${manifest.split.train} train / ${manifest.split.test} test), ` +
    `${manifest.images.file} ${kb(manifest.images.bytes)}, ${manifest.labels.file} ${kb(manifest.labels.bytes)} in ${dir}`,
);

const { prepareBackbone } = await import('./prepare-backbone.ts');
try {
  const b = await prepareBackbone(root);
  console.log(`prepare-data: transfer-learning backbone ${b.status} in ${b.ms.toFixed(0)} ms${b.accuracy === undefined ? '' : ` (digits 0–4 test accuracy ${(b.accuracy * 100).toFixed(1)}%)`} in ${b.dir}`);
} catch (e) {
  console.error(`prepare-data: transfer-learning backbone not made: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
