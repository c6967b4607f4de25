/**
 * Notices when the GPU under a webgl or webgpu backend goes away mid-run
 * (RELIABILITY #18): the browser reclaims WebGL contexts (too many open, a
 * driver reset, the tab in the background on a phone) and WebGPU devices
 * (device.lost). tfjs only logs a warning and keeps "training" on a dead
 * context, whose reads come back as zeros; the loop asks `lost()` after
 * every batch instead.
 */
import type { Tf } from '../../compile/tf.ts';
import { text, type Text } from '../../i18n/text.ts';

export interface BackendWatch {
  /** Why the backend's device is gone, or null while it is fine. */
  lost(): Text | null;
  /** Resolves with the reason when the device goes (never, while it lives). */
  whenLost(): Promise<Text>;
  dispose(): void;
}

interface WebGlBackend {
  gpgpu?: { gl?: WebGL2RenderingContext | WebGLRenderingContext };
}
interface WebGpuBackend {
  device?: { lost?: Promise<{ reason?: string; message?: string }> };
}

export function watchBackend(tf: Tf): BackendWatch {
  const name = tf.getBackend();
  let gone: Text | null = null;
  let tell: (t: Text) => void = () => {};
  const told = new Promise<Text>((resolve) => (tell = resolve));
  const lose = (t: Text) => {
    if (gone) return;
    gone = t;
    tell(t);
  };
  const watch = (stop: () => void): BackendWatch => ({ lost: () => gone, whenLost: () => told, dispose: stop });
  if (name === 'webgl') {
    const gl = (tf.backend() as unknown as WebGlBackend).gpgpu?.gl;
    const canvas = gl?.canvas as EventTarget | undefined;
    const check = () => void (gl?.isContextLost() && lose(text('train.gpu-lost', { backend: 'webgl' })));
    canvas?.addEventListener?.('webglcontextlost', check);
    // The event is not dispatched while the worker waits on the GPU in some browsers: also look now and then.
    const timer = setInterval(check, 250);
    return watch(() => {
      clearInterval(timer);
      canvas?.removeEventListener?.('webglcontextlost', check);
    });
  }
  if (name === 'webgpu') {
    let live = true;
    void (tf.backend() as unknown as WebGpuBackend).device?.lost?.then((info) => {
      if (live && info?.reason !== 'destroyed') lose(text('train.gpu-lost', { backend: 'webgpu' }));
    });
    return watch(() => void (live = false));
  }
  return watch(() => {});
}

/**
 * A step that throws because its GPU went away without the device's `lost`
 * firing (SwiftShader's WebGPU did: reads fail with "Device is lost" /
 * "mapAsync … aborted"). Such a run is stopped as a lost GPU, which keeps
 * the weights and offers wasm, rather than as an unexpected error carrying
 * the browser's English words. Null for any other error.
 */
export function gpuGoneError(backend: string, e: unknown): Text | null {
  // DOMException (WebGPU's errors) is an Error too.
  if (!onGpu(backend) || !(e instanceof Error)) return null;
  const { name, message } = e;
  const gone = /\b(device|context)\b[^.]*\b(lost|destroyed)\b|\bmapAsync\b|CONTEXT_LOST/i.test(message) || (name === 'AbortError' && /GPU/i.test(message));
  return gone ? text('train.gpu-lost', { backend }) : null;
}

/** Backends whose tensors live on a GPU that can vanish: the run keeps a copy of the weights in memory. */
export const onGpu = (backend: string): boolean => backend === 'webgl' || backend === 'webgpu';
