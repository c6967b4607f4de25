/**
 * Backend selection in the browser (page or worker): the .wasm files are
 * served by the app itself (Vite emits them as assets from these `?url`
 * imports), never fetched from a CDN. WebGL counts as a candidate only when
 * this browser makes a WebGL 2 context (what tfjs's webgl backend needs in a
 * worker): otherwise "auto" has nothing to measure it against and skips the
 * probe's cost (a cpu reference and timed wasm steps) altogether.
 */
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { Tf } from '../../compile/tf.ts';
import { text, type Text } from '../../i18n/text.ts';
import { selectBackend, wasmThreads, type BackendReport, type Platform, type SelectOptions } from './select.ts';

export function browserPlatform(): Platform {
  return {
    name: 'browser',
    wasmPaths: {
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': simdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl,
    },
    // A getter: the test context is made only when webgl is actually considered.
    get webglUnavailable() {
      return webglMissing();
    },
    webgpuUnavailable: null,
    threads: wasmThreads(),
  };
}

/** Why no WebGL 2 context can be made here (no GPU and no software fallback, WebGL turned off), or null. */
function webglMissing(): Text | null {
  try {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : typeof document !== 'undefined' ? document.createElement('canvas') : null;
    return canvas?.getContext('webgl2') ? null : text('train.backend.no-webgl');
  } catch {
    return text('train.backend.no-webgl');
  }
}


export function selectBrowserBackend(tf: Tf, options: SelectOptions = {}): Promise<BackendReport> {
  return selectBackend(tf, browserPlatform(), options);
}
