/**
 * tfjs-backend-wasm 4.22's Prelu reads alpha as `alpha[i % alpha.size]`.
 * That is right when alpha is x's trailing axes (with leading 1s: PReLU
 * with no sharedAxes, or shared over the first axes) and wrong otherwise:
 * PReLU sharing a later axis than an earlier one (sharedAxes [3] on
 * [h, w, c] gives alpha [h, w, 1]) computed garbage, forward and backward
 * (tests/train/backend/catalog.test.ts compares every PReLU case with cpu).
 * Those calls get alpha tiled to x's shape first; the rest go straight through.
 */
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { mark } from './registry.ts';
import { withWasmOps } from './wasm-ops.ts';

/** Whether indexing alpha by `i % size` matches broadcasting it to x: its leading axes are 1, the rest equal x's. */
export function tilesLikeBroadcast(alpha: readonly number[], x: readonly number[]): boolean {
  const first = alpha.findIndex((d) => d !== 1);
  return first < 0 || alpha.slice(first).every((d, i) => d === x[first + i]);
}


export function preluBroadcast(tf: Tf, native: KernelConfig): KernelConfig {
  return {
    ...native,
    kernelFunc: mark((args) => {
      const { x, alpha } = args.inputs as { x: TensorInfo; alpha: TensorInfo };
      const a = [...Array<number>(Math.max(0, x.shape.length - alpha.shape.length)).fill(1), ...alpha.shape];
      if (tilesLikeBroadcast(a, x.shape)) return native.kernelFunc(args);
      return withWasmOps(tf, args.backend, (ops) => {
        const full = ops.run('Tile', { x: ops.reshape(alpha, a) }, { reps: x.shape.map((d, i) => d / a[i]!) });
        return native.kernelFunc({ ...args, inputs: { x, alpha: full } }) as TensorInfo;
      });
    }),
  };
}
