/** Shared by the backend tests: wasm + cpu set up once per file, seeded data, gradient comparison. */
import * as tf from '@tensorflow/tfjs';
import { selectNodeBackend } from '../../../src/train/backend/select-node.ts';
import { seeded } from './seeded.ts';

/** Initialises wasm (with the gradient kernels) and cpu; leaves cpu active. */
export async function setupBackends(): Promise<void> {
  tf.env().set('IS_TEST', true); // no Node banner, and tfjs checks every kernel for leaked data ids
  const report = await selectNodeBackend(tf, { order: ['wasm'] });
  if (report.active !== 'wasm') throw new Error('wasm did not start');
  await tf.setBackend('cpu');
}

export interface Input {
  shape: number[];
  data: Float32Array;
}

export const input = (shape: number[], seed: number): Input => ({ shape, data: seeded(shape.reduce((a, b) => a * b, 1), seed) });

/** Gradients of `f` with respect to every input, computed on `backend`, as plain arrays. */
export function gradsOn(backend: 'cpu' | 'wasm', f: (...xs: tf.Tensor[]) => tf.Tensor, inputs: Input[]): Float32Array[] {
  tf.setBackend(backend); // both are initialised: switching is synchronous
  return tf.tidy(() => {
    const xs = inputs.map((i) => tf.tensor(i.data, i.shape));
    return tf.grads(f)(xs).map((g) => g.dataSync() as Float32Array);
  });
}

/** The output of `op` computed on `backend`. */
export function outputOn(backend: 'cpu' | 'wasm', op: (...xs: tf.Tensor[]) => tf.Tensor, inputs: Input[]): Float32Array {
  tf.setBackend(backend);
  return tf.tidy(() => op(...inputs.map((i) => tf.tensor(i.data, i.shape))).dataSync() as Float32Array);
}

/** Largest absolute difference, and that divided by the largest magnitude of the reference. */
export function compare(ref: Float32Array[], got: Float32Array[]): { abs: number; rel: number } {
  let abs = 0;
  let rel = 0;
  ref.forEach((r, i) => {
    const g = got[i]!;
    if (g.length !== r.length) throw new Error(`gradient ${i}: ${g.length} values, expected ${r.length}`);
    let d = 0;
    let m = 0;
    for (let k = 0; k < r.length; k++) {
      d = Math.max(d, Math.abs(r[k]! - g[k]!));
      m = Math.max(m, Math.abs(r[k]!));
    }
    abs = Math.max(abs, d);
    rel = Math.max(rel, m > 0 ? d / m : d);
  });
  return { abs, rel };
}

/** wasm's gradients of `f` against cpu's. */
export function wasmVsCpu(f: (...xs: tf.Tensor[]) => tf.Tensor, inputs: Input[]): { abs: number; rel: number } {
  return compare(gradsOn('cpu', f, inputs), gradsOn('wasm', f, inputs));
}
