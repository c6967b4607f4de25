/**
 * Runs wasm kernels directly on TensorInfos (no Tensor objects, no tape),
 * the way tfjs's own kernels call each other. Every intermediate a kernel
 * built here makes is disposed when it finishes, also when it throws: tfjs
 * checks kernels for leaked data ids (IS_TEST) and training runs thousands
 * of steps.
 */
import type { KernelBackend, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { Tf } from '../../compile/tf.ts';

/** What our kernels use of tfjs-backend-wasm's backend: fresh outputs and float32 views of the heap. */
export interface WasmHeap {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
  disposeData(dataId: object): boolean;
}

/** Runs `body` with the byte offset of `floats` floats of scratch on the heap (float64 views fit: malloc aligns to 8 bytes at least), freed after. */
export function withScratch<T>(be: WasmHeap, floats: number, body: (at: number) => T): T {
  const scratch = be.makeOutput([floats], 'float32');
  try {
    return body(be.typedArrayFromHeap(scratch).byteOffset);
  } finally {
    be.disposeData(scratch.dataId);
  }
}

export type Pads4 = [[number, number], [number, number], [number, number], [number, number]];

export class WasmOps {
  private made: TensorInfo[] = [];

  constructor(
    private tf: Tf,
    private backend: KernelBackend,
  ) {}

  run(kernelName: string, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap = {}): TensorInfo {
    const kernel = this.tf.getKernel(kernelName, 'wasm');
    if (!kernel) throw new Error(`wasm has no kernel ${kernelName} to build a gradient from`);
    const out = kernel.kernelFunc({ inputs, attrs, backend: this.backend }) as TensorInfo;
    this.made.push(out);
    return out;
  }

  /** A fresh float32 tensor for a kernel of ours to fill, freed with the other intermediates. */
  output(shape: number[]): TensorInfo {
    const out = (this.backend as unknown as { makeOutput(shape: number[], dtype: 'float32'): TensorInfo }).makeOutput(shape, 'float32');
    this.made.push(out);
    return out;
  }

  /** A float32 view of a tensor's data on the wasm heap; take it after the last allocation (growth detaches views). */
  view(t: TensorInfo): Float32Array {
    return (this.backend as unknown as { typedArrayFromHeap(t: TensorInfo): Float32Array }).typedArrayFromHeap(t);
  }

  /** Byte offset of a tensor's data in the wasm heap (for netloom's SIMD kernels); stays valid when the heap grows. */
  address(t: TensorInfo): number {
    return this.view(t).byteOffset;
  }

  /** Frees an intermediate now rather than when the kernel returns. */
  free(t: TensorInfo): void {
    this.backend.disposeData(t.dataId);
    this.made = this.made.filter((m) => m !== t);
  }

  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run('Transpose', { x }, { perm });
  }

  /** Shares the data (wasm Reshape only adds a reference), so it costs nothing. */
  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape });
  }

  pad(x: TensorInfo, paddings: [number, number][]): TensorInfo {
    return this.run('PadV2', { x }, { paddings, constantValue: 0 });
  }

  slice(x: TensorInfo, begin: number[], size: number[]): TensorInfo {
    return this.run('Slice', { x }, { begin, size });
  }

  sum(x: TensorInfo, axis: number): TensorInfo {
    return this.run('Sum', { x }, { axis, keepDims: false });
  }

  reverse(x: TensorInfo, dims: number[]): TensorInfo {
    return this.run('Reverse', { x }, { dims });
  }

  /** Stride-1 convolution with explicit padding and the given dilation (wasm runs it through XNNPACK). */
  conv2d(x: TensorInfo, filter: TensorInfo, pad: Pads4, dilations: [number, number]): TensorInfo {
    return this.run('Conv2D', { x, filter }, { strides: [1, 1], pad, dilations, dataFormat: 'NHWC', dimRoundingMode: undefined } as unknown as NamedAttrMap);
  }

  depthwise(x: TensorInfo, filter: TensorInfo, pad: Pads4, dilations: [number, number]): TensorInfo {
    return this.run('DepthwiseConv2dNative', { x, filter }, { strides: [1, 1], pad, dilations, dimRoundingMode: undefined } as unknown as NamedAttrMap);
  }

  /** Frees every intermediate except `result` (which the kernel returns). */
  keep(result: TensorInfo): TensorInfo {
    for (const t of this.made) if (t !== result) this.backend.disposeData(t.dataId);
    this.made = [];
    return result;
  }

  disposeAll(): void {
    for (const t of this.made) this.backend.disposeData(t.dataId);
    this.made = [];
  }
}

/** Runs `body` with a fresh WasmOps; intermediates are freed on success and on error. */
export function withWasmOps(tf: Tf, backend: unknown, body: (ops: WasmOps) => TensorInfo): TensorInfo {
  const ops = new WasmOps(tf, backend as KernelBackend);
  try {
    return ops.keep(body(ops));
  } catch (e) {
    ops.disposeAll();
    throw e;
  }
}

export interface SpreadDims {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  outHeight: number;
  outWidth: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  padInfo: { top: number; left: number };
}

/**
 * The input gradient of a strided convolution is a stride-1 correlation of
 * dy spread out by the stride (stride − 1 zeros between rows and columns)
 * with the flipped filter, padded so the result is exactly the input size.
 * Returns the spread dy and that padding; `channels` is dy's channel count.
 */
export function spreadForInputGrad(ops: WasmOps, dy: TensorInfo, dims: SpreadDims, channels: number): { d: TensorInfo; pads: Pads4 } {
  const { batchSize: b, inHeight: h, inWidth: w, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = dims;
  let d = dy;
  if (sh > 1 || sw > 1) {
    const spread = ops.pad(ops.reshape(dy, [b, oh, 1, ow, 1, channels]), [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]]);
    d = ops.reshape(spread, [b, oh * sh, ow * sw, channels]);
  }
  // Full correlation: kh − 1 − padTop rows above; below, whatever makes the output exactly h rows.
  const top = kh - 1 - dims.padInfo.top;
  const left = kw - 1 - dims.padInfo.left;
  let bottom = h + kh - 1 - top - d.shape[1]!;
  let right = w + kw - 1 - left - d.shape[2]!;
  // The spread leaves stride − 1 trailing zero rows; when they reach past the input, cut them.
  if (bottom < 0 || right < 0) {
    d = ops.slice(d, [0, 0, 0, 0], [b, d.shape[1]! + Math.min(0, bottom), d.shape[2]! + Math.min(0, right), channels]);
    bottom = Math.max(0, bottom);
    right = Math.max(0, right);
  }
  return { d, pads: [[0, 0], [top, bottom], [left, right], [0, 0]] };
}
