/**
 * Backend selection in the browser (page or worker): the .wasm files are
 * served by the app itself (Vite emits them as assets from these `?url`
 * imports), never fetched from a CDN. WebGL is simply tried: tfjs's factory
 * fails cleanly when no context can be made.
 */
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { Tf } from '../../compile/tf.ts';
import { selectBackend, wasmThreads, type BackendReport, type Platform, type SelectOptions } from './select.ts';

export function browserPlatform(): Platform {
  return {
    name: 'browser',
    wasmPaths: {
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': simdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl,
    },
    webglUnavailable: null,
    webgpuUnavailable: null,
    threads: wasmThreads(),
  };
}


export function selectBrowserBackend(tf: Tf, options: SelectOptions = {}): Promise<BackendReport> {
  return selectBackend(tf, browserPlatform(), options);
}
