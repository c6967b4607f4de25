/**
 * Registers the gradient kernels tfjs-backend-wasm 4.22 lacks, so every node
 * kind in the catalog trains on wasm. Found by running one gradient step of
 * every catalog case on wasm (tests/train/backend/catalog.test.ts keeps
 * checking it): only these three were missing. Each is built from kernels
 * wasm has (XNNPACK convolutions, transposes, pads, sums), nothing moves to
 * the cpu backend.
 *
 * Registering is idempotent and never replaces a kernel wasm already has, so
 * a later tfjs-backend-wasm that ships its own keeps it.
 */
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { conv2dBackpropFilter } from './conv-filter-grad.ts';
import { depthwiseBackpropFilter, depthwiseBackpropInput } from './depthwise-grads.ts';

type Impl = (tf: Tf, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap, backend: unknown) => TensorInfo;

/** Kernel name → implementation. The names are tfjs's kernel names. */
const KERNELS: Record<string, Impl> = {
  Conv2DBackpropFilter: (tf, i, a, b) => conv2dBackpropFilter(tf, { x: i.x!, dy: i.dy! }, a, b),
  DepthwiseConv2dNativeBackpropInput: (tf, i, a, b) => depthwiseBackpropInput(tf, { dy: i.dy!, filter: i.filter! }, a, b),
  DepthwiseConv2dNativeBackpropFilter: (tf, i, a, b) => depthwiseBackpropFilter(tf, { x: i.x!, dy: i.dy! }, a, b),
};

export const WASM_TRAINING_KERNELS: readonly string[] = Object.keys(KERNELS);

/**
 * Adds the missing kernels for backend 'wasm'. Safe before or after the wasm
 * backend initialises (kernels are looked up when an op runs). Returns the
 * names it registered now (empty when they were already there).
 */
export function registerWasmTrainingKernels(tf: Tf): string[] {
  const added: string[] = [];
  for (const [kernelName, impl] of Object.entries(KERNELS)) {
    if (tf.getKernel(kernelName, 'wasm')) continue;
    const kernelFunc: KernelFunc = ({ inputs, attrs, backend }) => impl(tf, inputs as Record<string, TensorInfo>, attrs ?? {}, backend);
    tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
    added.push(kernelName);
  }
  return added;
}
