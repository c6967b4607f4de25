/**
 * Relu's gradient on wasm as one kernel (simd/relu-grad.ts): tfjs computes it
 * as Step, Cast and Multiply, three passes over every relu activation of
 * every training step (~1.2 ms of a MNIST CNN step that runs on one thread).
 * Same values, NaN included: dx = dy · step(x) with step 1 where x > 0, NaN
 * where x is NaN, 0 elsewhere. The gradient registered for Relu keeps tfjs's
 * own composition on every other backend, and on wasm without our kernels.
 */
import type { GradConfig, NamedAttrMap, Tensor, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { mark } from './registry.ts';
import { simdKernels } from './simd/instance.ts';
import type { WasmHeap } from './wasm-ops.ts';

export const RELU_GRAD = 'NetloomReluGrad';
const OURS = Symbol('netloom relu gradient');

/** Registers the wasm kernel and Relu's gradient (each once); returns what it registered now. */
export function registerReluGrad(tf: Tf): string[] {
  const changed: string[] = [];
  if (!tf.getKernel(RELU_GRAD, 'wasm')) {
    const kernelFunc = mark(({ inputs, backend }) => {
      const { dy, x } = inputs as { dy: TensorInfo; x: TensorInfo };
      const be = backend as unknown as WasmHeap;
      const out = be.makeOutput(x.shape, 'float32');
      // The gradient below sends work here only where the kernels are bound.
      simdKernels(backend)!.reluGrad(be.typedArrayFromHeap(dy).byteOffset, be.typedArrayFromHeap(x).byteOffset, be.typedArrayFromHeap(out).byteOffset, tf.util.sizeFromShape(x.shape));
      return out;
    });
    tf.registerKernel({ kernelName: RELU_GRAD, backendName: 'wasm', kernelFunc });
    changed.push(RELU_GRAD);
  }
  const original = tf.getGradient('Relu');
  if (original && !(OURS in original.gradFunc)) {
    const gradFunc: GradConfig['gradFunc'] = (dy, saved, attrs?: NamedAttrMap) => {
      const [x] = saved as [Tensor];
      const d = dy as Tensor;
      if (tf.getBackend() !== 'wasm' || d.dtype !== 'float32' || x.dtype !== 'float32' || !simdKernels(tf.backend())) return original.gradFunc(dy, saved, attrs ?? {});
      return { x: () => tf.engine().runKernel(RELU_GRAD, { dy: d, x }) as Tensor };
    };
    Object.defineProperty(gradFunc, OURS, { value: true });
    tf.registerGradient({ ...original, gradFunc });
    changed.push('Relu (gradient)');
  }
  return changed;
}
