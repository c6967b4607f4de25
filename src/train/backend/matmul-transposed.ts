/**
 * BatchMatMul with a transposed operand on wasm. wasm 4.22 hands a matmul to
 * XNNPACK only when neither operand is transposed (and the batch is 1);
 * otherwise it runs a scalar triple loop. Every Dense layer's two gradients
 * are such matmuls (dy·Wᵀ and xᵀ·dy): ~5 ms of an MNIST CNN step for a
 * 3,136 → 10 layer. Transposing the operand first (one copy) and calling the
 * plain matmul sends them to XNNPACK (threaded when wasm has threads).
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { mark } from './registry.ts';

interface Backend {
  disposeData(dataId: object): void;
}

export function matMulWithoutTransposes(tf: Tf, original: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = (args.attrs ?? {}) as unknown as { transposeA: boolean; transposeB: boolean };
    const batchOf = (t: TensorInfo) => t.shape.slice(0, -2).reduce((x, y) => x * y, 1);
    if ((!transposeA && !transposeB) || batchOf(a) !== 1 || batchOf(b) !== 1 || a.dtype !== 'float32' || b.dtype !== 'float32') return original.kernelFunc(args);
    const transpose = tf.getKernel('Transpose', 'wasm')!;
    const backend = args.backend as unknown as Backend;
    const swapLast = (t: TensorInfo) => {
      const perm = [...t.shape.keys()];
      perm.push(...perm.splice(-2).reverse());
      return transpose.kernelFunc({ inputs: { x: t }, attrs: { perm }, backend: args.backend }) as TensorInfo;
    };
    const made: TensorInfo[] = [];
    try {
      const a2 = transposeA ? (made[made.length] = swapLast(a)) : a;
      const b2 = transposeB ? (made[made.length] = swapLast(b)) : b;
      return original.kernelFunc({ ...args, inputs: { a: a2, b: b2 }, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
    } finally {
      for (const t of made) backend.disposeData(t.dataId);
    }
  };
  return { ...original, kernelFunc: mark(kernelFunc) };
}
