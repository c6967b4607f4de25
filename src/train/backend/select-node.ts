/**
 * Backend selection in Node (CLI, tests, bench): the .wasm files come from
 * the installed tfjs-backend-wasm package; Node has no WebGL.
 */
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import type { Tf } from '../../compile/tf.ts';
import { text } from '../../i18n/text.ts';
import { selectBackend, type BackendReport, type Platform, type SelectOptions } from './select.ts';

export function nodePlatform(): Platform {
  // The package's main file sits in dist/, next to the three .wasm builds.
  const dist = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
  return { name: 'node', wasmPaths: dist + sep, webglUnavailable: text('train.backend.node-no-webgl'), webgpuUnavailable: text('train.backend.node-no-webgpu'), threads: 1 };
}

export function selectNodeBackend(tf: Tf, options: SelectOptions = {}): Promise<BackendReport> {
  return selectBackend(tf, nodePlatform(), options);
}
