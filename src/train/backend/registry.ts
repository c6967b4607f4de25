/** Small helpers for swapping tfjs kernels idempotently. */
import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';

const OURS = Symbol('netloom kernel');

/** Marks a kernel function as ours, so registering twice changes nothing. */
export function mark(f: KernelFunc): KernelFunc {
  Object.defineProperty(f, OURS, { value: true });
  return f;
}

export const isOurs = (k: KernelConfig | undefined): boolean => !!k && OURS in k.kernelFunc;

/** Swaps a registered kernel for `next` (unregister first: registerKernel would only warn and keep the old one). */
export function replaceKernel(tf: Tf, next: KernelConfig): void {
  if (tf.getKernel(next.kernelName, next.backendName)) tf.unregisterKernel(next.kernelName, next.backendName);
  tf.registerKernel(next);
}
