/**
 * Segmentation presets: the original U-Net (572×572, unpadded convolutions,
 * cropped skip connections), an FCN-8s on VGG16 with 21 classes (the notes'
 * PASCAL VOC example), and small trainable versions of both for the
 * synthetic shapes data (64×64, 4 classes: background, circle, square,
 * triangle).
 */
import { GraphBuilder } from './builder.ts';

const conv = (filters: number, padding: 'same' | 'valid', kernelSize = 3, activation = 'relu') => ({ filters, kernelSize, padding, activation });

/** Two 3×3 convolutions, as every U-Net level has. */
function twoConvs(b: GraphBuilder, x: string, filters: number, padding: 'same' | 'valid', name: string): string {
  x = b.add('Conv2D', conv(filters, padding), [x], `${name}_conv1`);
  return b.add('Conv2D', conv(filters, padding), [x], `${name}_conv2`);
}

/** Side lengths of a valid-padded U-Net's encoder outputs and decoder inputs, to size the crops. */
function unetCrops(input: number, depth: number): number[] {
  const enc: number[] = [];
  let s = input;
  for (let i = 0; i < depth; i++) {
    s -= 4;
    enc.push(s);
    s /= 2;
  }
  s -= 4; // bottleneck
  const crops: number[] = [];
  for (let i = depth - 1; i >= 0; i--) {
    s *= 2;
    crops[i] = (enc[i]! - s) / 2;
    s -= 4;
  }
  return crops;
}

/**
 * A U-Net's encoder, bottleneck and decoder from `x`: per level two 3×3
 * convolutions then 2×2 pooling; back up, a 2×2 up-convolution, the same
 * level's encoder output (cropped by `crops[level]` when given) concatenated,
 * two convolutions. Returns the last decoder output.
 */
function unetBody(b: GraphBuilder, x: string, filters: number[], bottom: number, padding: 'same' | 'valid', crops?: number[]): string {
  const skips: string[] = [];
  filters.forEach((f, i) => {
    x = twoConvs(b, x, f, padding, `down${i + 1}`);
    skips.push(x);
    x = b.add('MaxPooling2D', { poolSize: 2 }, [x], `pool${i + 1}`);
  });
  x = twoConvs(b, x, bottom, padding, 'bottom');
  for (let i = filters.length - 1; i >= 0; i--) {
    const up = b.add('Conv2DTranspose', { filters: filters[i]!, kernelSize: 2, strides: 2 }, [x], `up${i + 1}`);
    const skip = crops ? b.add('Cropping2D', { cropping: crops[i]! }, [skips[i]!], `crop${i + 1}`) : skips[i]!;
    const cat = b.add('Concatenate', {}, [skip, up], `concat${i + 1}`);
    x = twoConvs(b, cat, filters[i]!, padding, `up${i + 1}`);
  }
  return x;
}

/** The original U-Net (Ronneberger et al. 2015): 572×572×1 → 388×388×2. */
export function unet() {
  const b = new GraphBuilder();
  const x = b.add('Input', { shape: [572, 572, 1] }, [], 'image');
  const y = unetBody(b, x, [64, 128, 256, 512], 1024, 'valid', unetCrops(572, 4));
  b.add('Conv2D', { filters: 2, kernelSize: 1 }, [y], 'segmentation_map');
  return b.doc('U-Net (original, 572×572)', { training: { task: 'segment' } });
}

/** A U-Net for 64×64 shapes: padding 'same' (no crops needed), three levels, per-pixel softmax over 4 classes. */
export function unetSmall() {
  const b = new GraphBuilder();
  const x = b.add('Input', { shape: [64, 64, 1] }, [], 'image');
  const y = unetBody(b, x, [8, 16], 32, 'same');
  b.add('Conv2D', { filters: 4, kernelSize: 1, activation: 'softmax' }, [y], 'classes');
  return b.doc('U-Net (small, 64×64)', { training: { task: 'segment', dataset: 'shapes-segmentation', epochs: 6, batchSize: 16, learningRate: 0.003 } });
}

/** VGG16's convolutional blocks (the FCN's encoder); returns the ids of pool3, pool4 and pool5. */
function vggBlocks(b: GraphBuilder, x: string): [string, string, string] {
  const pools: string[] = [];
  const blocks: [number, number][] = [[64, 2], [128, 2], [256, 3], [512, 3], [512, 3]];
  blocks.forEach(([f, n], i) => {
    for (let c = 1; c <= n; c++) x = b.add('Conv2D', conv(f, 'same'), [x], `block${i + 1}_conv${c}`);
    x = b.add('MaxPooling2D', { poolSize: 2 }, [x], `block${i + 1}_pool`);
    pools.push(x);
  });
  return [pools[2]!, pools[3]!, pools[4]!];
}

/**
 * FCN-8s (Long et al. 2015) on VGG16 for the 21 PASCAL VOC classes: the
 * classifier's Dense layers become convolutions (fc6 7×7, fc7 1×1), a 1×1
 * convolution scores each class, and transposed convolutions upsample the
 * scores, adding finer scores from pool4 and pool3 on the way.
 */
export function fcn() {
  const b = new GraphBuilder();
  const x = b.add('Input', { shape: [224, 224, 3] }, [], 'image');
  const [pool3, pool4, pool5] = vggBlocks(b, x);
  let y = b.add('Conv2D', conv(4096, 'same', 7), [pool5], 'fc6');
  y = b.add('Dropout', { rate: 0.5 }, [y], 'drop6');
  y = b.add('Conv2D', conv(4096, 'same', 1), [y], 'fc7');
  y = b.add('Dropout', { rate: 0.5 }, [y], 'drop7');
  y = b.add('Conv2D', { filters: 21, kernelSize: 1 }, [y], 'score_fr');
  y = b.add('Conv2DTranspose', { filters: 21, kernelSize: 4, strides: 2, padding: 'same', useBias: false }, [y], 'upscore2');
  const s4 = b.add('Conv2D', { filters: 21, kernelSize: 1 }, [pool4], 'score_pool4');
  y = b.add('Add', {}, [y, s4], 'fuse_pool4');
  y = b.add('Conv2DTranspose', { filters: 21, kernelSize: 4, strides: 2, padding: 'same', useBias: false }, [y], 'upscore_pool4');
  const s3 = b.add('Conv2D', { filters: 21, kernelSize: 1 }, [pool3], 'score_pool3');
  y = b.add('Add', {}, [y, s3], 'fuse_pool3');
  y = b.add('Conv2DTranspose', { filters: 21, kernelSize: 16, strides: 8, padding: 'same', useBias: false }, [y], 'upscore8');
  b.add('Activation', { activation: 'softmax' }, [y], 'classes');
  return b.doc('FCN-8s (VGG16, 21 classes)', { training: { task: 'segment' } });
}

/** A small FCN for 64×64 shapes: no Dense layer anywhere, 1×1 class scores upsampled ×4 with one finer skip. */
export function fcnSmall() {
  const b = new GraphBuilder();
  let x = b.add('Input', { shape: [64, 64, 1] }, [], 'image');
  x = b.add('Conv2D', conv(16, 'same'), [x], 'conv1');
  const pool1 = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool1');
  x = b.add('Conv2D', conv(32, 'same'), [pool1], 'conv2');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool2');
  x = b.add('Conv2D', conv(64, 'same'), [x], 'conv3');
  x = b.add('Conv2D', { filters: 4, kernelSize: 1 }, [x], 'score');
  x = b.add('Conv2DTranspose', { filters: 4, kernelSize: 4, strides: 2, padding: 'same' }, [x], 'upscore2');
  const s1 = b.add('Conv2D', { filters: 4, kernelSize: 1 }, [pool1], 'score_pool1');
  x = b.add('Add', {}, [x, s1], 'fuse_pool1');
  x = b.add('Conv2DTranspose', { filters: 4, kernelSize: 4, strides: 2, padding: 'same' }, [x], 'upscore_final');
  b.add('Activation', { activation: 'softmax' }, [x], 'classes');
  return b.doc('FCN (small, 64×64)', { training: { task: 'segment', dataset: 'shapes-segmentation', epochs: 12, batchSize: 32, learningRate: 0.003 } });
}
