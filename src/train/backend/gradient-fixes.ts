/**
 * Gradient fixes for the cpu and webgl backends of tfjs 4.22 (wasm's are in
 * wasm-kernels.ts). Found while proving wasm against cpu: where they
 * disagreed, an adjoint test (⟨f(x), r⟩ = ⟨x, f'ᵀ(r)⟩ for a linear f) showed cpu
 * was the wrong one.
 *  - cpu ResizeNearestNeighborGrad reads dy with the input's batch stride, so
 *    every image but the first gets wrong gradients (UpSampling2D nearest).
 *  - cpu ResizeBilinearGrad labels its result [batch, width, height, c], so
 *    any non-square UpSampling2D bilinear fails to train.
 *    Both: replaced by the exact adjoint loops (grad-loops.ts).
 *  - AvgPoolGrad on cpu and webgl (as on wasm) ignores that the forward pass
 *    averages partial windows over fewer pixels: wrapped (avg-pool-grad.ts).
 *    webgl's shader has the same constant 1 / windowSize as cpu's loop; in
 *    headless Chromium (SwiftShader) its adjoint gap was 3.1 of 9.4 before
 *    and ~2e-7 after (tests/train/backend/browser.test.ts). webgpu's shader too
 *    (gap 0.15 under SwiftShader's WebGPU): its module loads only when webgpu
 *    is considered, so select.ts calls this again after loading it.
 */
import type { Tf } from '../../compile/tf.ts';
import { resizeGradKernel } from './array-kernels.ts';
import { avgPoolGradExcludingPadding, isAvgPoolFixed } from './avg-pool-grad.ts';
import { isOurs, mark, replaceKernel } from './registry.ts';

export const GRADIENT_FIXES = {
  cpu: ['ResizeNearestNeighborGrad', 'ResizeBilinearGrad', 'AvgPoolGrad'],
  webgl: ['AvgPoolGrad'],
  webgpu: ['AvgPoolGrad'],
} as const;

/** Applies the fixes to every backend of these that tfjs has registered; returns `backend:kernel` names changed now. */
export function registerGradientFixes(tf: Tf): string[] {
  const changed: string[] = [];
  for (const [kernelName, mode] of [['ResizeNearestNeighborGrad', 'nearest'], ['ResizeBilinearGrad', 'bilinear']] as const) {
    const current = tf.getKernel(kernelName, 'cpu');
    if (!current || isOurs(current)) continue;
    replaceKernel(tf, { kernelName, backendName: 'cpu', kernelFunc: mark(resizeGradKernel('cpu', mode)) });
    changed.push(`cpu:${kernelName}`);
  }
  for (const backendName of ['cpu', 'webgl', 'webgpu']) {
    const avg = tf.getKernel('AvgPoolGrad', backendName);
    if (!avg || isAvgPoolFixed(avg)) continue;
    replaceKernel(tf, avgPoolGradExcludingPadding(tf, backendName, avg));
    changed.push(`${backendName}:AvgPoolGrad`);
  }
  return changed;
}
