/**
 * Conv2DBackpropFilter for wasm, which tfjs-backend-wasm 4.22 lacks (every
 * Conv2D, Conv2DTranspose and SeparableConv2D needs it to train).
 *
 *   dW[i, j, c, o] = Σ_b Σ_y Σ_x xpad[b, y·s + i, x·s + j, c] · dy[b, y, x, o]
 *
 * is itself a convolution once batch and channels trade places: the input is
 * x as [C, H, W, B] (channels become the batch, the batch becomes the summed
 * channels), the filter is dy as [oh, ow, B, O], and the forward stride
 * becomes the dilation. The result [C, kh', kw', O] is transposed back to
 * [kh, kw, C, O]. That keeps the work in XNNPACK's convolution instead of a
 * scalar loop, and nothing leaves the wasm heap.
 *
 * Faster where netloom's SIMD kernels run: the same sum as one matrix
 * product, im2colᵀ [kh·kw·C, B·oh·ow] (simd/im2col.ts) × dy [B·oh·ow, O]
 * (simd/gemm.ts). The convolution above streams a filter of B·oh·ow·O floats
 * (megabytes) from cache for every output pixel; the product reads each
 * block once. XNNPACK's fully connected kernel would do the product too, but
 * repacks dy first (~3 ns a float: more than a first layer's whole product).
 * Per MNIST CNN step (batch 64, one thread, a fresh dy as in training): the
 * first convolution 19.4 → ~2 ms, the second 29.4 → ~19 ms. On threaded wasm
 * our kernels split the work over helper threads (simd/threads.ts); where
 * those did not start, the convolution (on all of tfjs's threads) keeps every
 * layer but first ones (kh·kw·C ≤ 27, where the product is ~9× faster).
 * 3×3 stride-1 layers with channels in fours go by Winograd instead
 * (winograd-conv.ts): 2.25× fewer multiplications than the product.
 */
import type { NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';
import { heapOf, simdKernels, type SimdKernels } from './simd/instance.ts';
import { ranges, runSplit, simdThreadCount, tfjsThreads } from './simd/threads.ts';
import { withWasmOps, type Pads4, type WasmOps } from './wasm-ops.ts';
import { winogradFilterGrad, winogradFits, winogradKernels } from './winograd-conv.ts';

interface Attrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | Pads4;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

export function conv2dBackpropFilter(tf: Tf, inputs: { x: TensorInfo; dy: TensorInfo }, attrs: NamedAttrMap, backend: unknown): TensorInfo {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Attrs;
  const { x, dy } = inputs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  // NCHW never reaches here from tfjs-layers on wasm (its Conv2D kernel refuses it too).
  if (info.dataFormat !== 'channelsLast') throw new Error('Conv2DBackpropFilter on wasm supports only NHWC');
  const { inChannels: c, outChannels: o, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow, padInfo } = info;
  const simd = x.dtype === 'float32' && dy.dtype === 'float32' ? simdKernels(backend) : null;
  const heap = heapOf(backend);
  const winograd = simd && winogradFits(info) ? winogradKernels(backend) : null;
  if (winograd) return withWasmOps(tf, backend, (ops) => winogradFilterGrad(ops, winograd, heap, x, dy, info));
  // Our product when it has as many threads as XNNPACK's convolution, or for a first layer anyway.
  if (simd && (kh * kw * c <= FIRST_LAYER || simdThreadCount(heap) >= tfjsThreads(backend))) return withWasmOps(tf, backend, (ops) => byMatrixProduct(ops, simd, heap, x, dy, info));
  return withWasmOps(tf, backend, (ops) => {
    // Pad only as far as the forward pass read; rows a 'valid' stride skipped are simply never reached.
    const bottom = Math.max(0, (oh - 1) * sh + kh - info.inHeight - padInfo.top);
    const right = Math.max(0, (ow - 1) * sw + kw - info.inWidth - padInfo.left);
    const pads: Pads4 = [[0, 0], [padInfo.top, bottom], [padInfo.left, right], [0, 0]];
    const xt = ops.transpose(x, [3, 1, 2, 0]); // [C, H, W, B]
    const f = ops.transpose(dy, [1, 2, 0, 3]); // [oh, ow, B, O]
    let g = ops.conv2d(xt, f, pads, [sh, sw]); // [C, ≥kh, ≥kw, O]
    if (g.shape[1] !== kh || g.shape[2] !== kw) g = ops.slice(g, [0, 0, 0, 0], [c, kh, kw, o]);
    return ops.transpose(g, [1, 2, 0, 3]);
  });
}

/** Up to this many rows (kh·kw·C) the product beats the threaded convolution too: 3×3 RGB, 5×5 grey. */
const FIRST_LAYER = 27;
/** im2colᵀ is built for a slice of the batch at a time, at most this many floats (16 MB), and the slices' products summed. */
const SLICE_FLOATS = 4 * 1024 * 1024;

type ConvInfo = ReturnType<Tf['backend_util']['computeConv2DInfo']>;

function byMatrixProduct(ops: WasmOps, simd: SimdKernels, heap: WebAssembly.Memory | null, x: TensorInfo, dy: TensorInfo, info: ConvInfo): TensorInfo {
  const { batchSize: nb, inHeight: h, inWidth: w, inChannels: c, outChannels: o, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow, padInfo } = info;
  const rows = kh * kw * c;
  const perImage = rows * oh * ow;
  const slice = Math.max(1, Math.min(nb, Math.floor(SLICE_FLOATS / perImage)));
  // Our product needs o in fours; otherwise XNNPACK's (which repacks dy first) sums the slices.
  const ours = o % 4 === 0;
  const dw = ours ? ops.output([kh, kw, c, o]) : null;
  if (dw) ops.view(dw).fill(0);
  let sum: TensorInfo | null = null;
  for (let b0 = 0; b0 < nb; b0 += slice) {
    const n = Math.min(slice, nb - b0);
    const cols = n * oh * ow;
    const col = ops.output([1, rows, cols]);
    // x's and dy's slices are read where they lie: images are contiguous in NHWC.
    const xAt = ops.address(x) + b0 * h * w * c * 4;
    const colAt = ops.address(col);
    // Threads take disjoint rows of im2colᵀ, then disjoint rows (pairs, the GEMM's tile) of the product.
    runSplit(heap, simd, 'im2colT', (t) => ranges(rows, t).map(([r0, r1]) => [xAt, colAt, n, h, w, c, oh, ow, kh, kw, sh, sw, padInfo.top, padInfo.left, r0, r1]));
    if (dw) {
      const dyAt = ops.address(dy) + b0 * oh * ow * o * 4;
      const dwAt = ops.address(dw);
      runSplit(heap, simd, 'gemmAccumulate', (t) => ranges(rows, t, 2).map(([r0, r1]) => [colAt + r0 * cols * 4, dyAt, dwAt + r0 * o * 4, r1 - r0, cols, o]));
    } else {
      const d = n === nb ? dy : ops.slice(dy, [b0, 0, 0, 0], [n, oh, ow, o]);
      const part = ops.run('BatchMatMul', { a: col, b: ops.reshape(d, [1, cols, o]) }, { transposeA: false, transposeB: false });
      sum = sum ? ops.run('Add', { a: sum, b: part }) : part;
    }
    ops.free(col); // the next slice's buffer can take its place
  }
  return dw ?? ops.reshape(sum!, [kh, kw, c, o]);
}
