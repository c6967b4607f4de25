/**
 * Runs an augmentation chain on a few MNIST digits (resized to the chain's
 * input size) with our augmentation layers in training mode. Loads tfjs
 * and the digits on first use, on the page's own cpu backend: eight tiny
 * images need nothing faster, and training runs in its worker anyway.
 */
import { loadTf } from '../../compile/tf.ts';
import { registerAugmentLayers } from '../../compile/layers/augment.ts';
import { browserFetchBytes } from '../../data/fetch-bytes.ts';
import { loadMnistBytes } from '../../data/mnist.ts';
import { getSpec } from '../../nodes/index.ts';
import type { AugmentChain } from './augment-chain.ts';

export interface PreviewImages {
  /** [h, w, c] of every image. */
  shape: [number, number, number];
  before: Float32Array[];
  after: Float32Array[];
}

/** One test digit of each class 0…count-1 (the test rows of the prepared file). */
let digits: Promise<Float32Array[]> | null = null;
function sampleDigits(count: number): Promise<Float32Array[]> {
  digits ??= loadMnistBytes(browserFetchBytes()).then((r) => {
    if (!r.ok) throw new Error(r.error.message);
    const { images, labels, manifest } = r.value;
    const out: Float32Array[] = [];
    for (let i = manifest.split.train; i < manifest.count && out.length < 10; i++) {
      if (labels[i] !== out.length) continue;
      out.push(Float32Array.from(images.subarray(i * 784, (i + 1) * 784), (v) => v / 255));
    }
    return out;
  });
  return digits.then((d) => d.slice(0, count));
}

export async function previewAugmentation(chain: AugmentChain, count = 8): Promise<PreviewImages> {
  const tf = await loadTf();
  if (!tf.engine().backendName) await tf.setBackend('cpu');
  const layers = registerAugmentLayers(tf);
  const [h, w, c] = chain.shape;
  const src = await sampleDigits(count);
  return tf.tidy(() => {
    let x = tf.image.resizeBilinear(tf.tensor4d(src.flatMap((d) => Array.from(d)), [src.length, 28, 28, 1]), [h, w]) as import('@tensorflow/tfjs').Tensor4D;
    if (c > 1) x = tf.tile(x, [1, 1, 1, c]);
    const before = x;
    for (const step of chain.steps) {
      for (const call of getSpec(step.kind)!.layers(step.params, [chain.shape])) {
        const Layer = layers[call.className as keyof typeof layers];
        x = new Layer(structuredClone(call.config) as never).apply(x, { training: true }) as typeof x;
      }
    }
    const split = (t: typeof x) => Array.from({ length: src.length }, (_, i) => t.slice(i, 1).dataSync() as Float32Array);
    return { shape: chain.shape, before: split(before), after: split(x) };
  });
}
