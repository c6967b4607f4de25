/** A wasm backend that cannot load falls back to cpu, and the report says so (its own file: a failed wasm init is for good). */
import * as tf from '@tensorflow/tfjs';
import { expect, test } from 'vitest';
import { selectBackend } from '../../../src/train/backend/select.ts';
import { text } from '../../../src/i18n/text.ts';

test('wasm files missing: cpu becomes active, the reason is kept, tfjs did not switch on its own', async () => {
  tf.env().set('IS_TEST', true);
  const r = await selectBackend(tf, { name: 'node', wasmPaths: '/nonexistent/netloom-wasm/', webglUnavailable: text('train.backend.node-no-webgl'), webgpuUnavailable: text('train.backend.node-no-webgpu'), threads: 1 });
  expect(r.active).toBe('cpu');
  expect(r.skipped.map((s) => s.backend)).toEqual(['wasm', 'webgl']);
  expect(r.skipped[0]!.reason).toMatch(/^initialisation failed: .*wasm/);
  expect(tf.getBackend()).toBe('cpu');
});
