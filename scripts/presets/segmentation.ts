/**
 * Segmentation presets: the original U-Net (572×572, unpadded convolutions,
 * cropped skip connections), an FCN-8s on VGG16 with 21 classes (the notes'
 * PASCAL VOC example), and small trainable versions of both for the
 * synthetic shapes data (64×64, 4 classes: background, circle, square,
 * triangle).
 */
import { GraphBuilder } from './builder.ts';
import { uShape, type ULevel } from './arrange.ts';

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

/** Where a U-Net's nodes go in the U drawing (see arrange.ts). */
interface UNetDrawing {
  out: string;
  levels: ULevel[];
  bottom: string[];
}

/**
 * A U-Net's encoder, bottleneck and decoder from `x`: per level two 3×3
 * convolutions then 2×2 pooling; back up, a 2×2 up-convolution, the same
 * level's encoder output (cropped by `crops[level]` when given) concatenated,
 * two convolutions. Returns the last decoder output and the levels of the U.
 */
function unetBody(b: GraphBuilder, x: string, filters: number[], bottom: number, padding: 'same' | 'valid', crops?: number[]): UNetDrawing {
  const skips: string[] = [];
  const levels: ULevel[] = filters.map((f, i) => {
    const skip = twoConvs(b, x, f, padding, `down${i + 1}`);
    skips.push(skip);
    x = b.add('MaxPooling2D', { poolSize: 2 }, [skip], `pool${i + 1}`);
    return { down: [`down${i + 1}_conv1`, skip, x], across: [], up: [] };
  });
  x = twoConvs(b, x, bottom, padding, 'bottom');
  for (let i = filters.length - 1; i >= 0; i--) {
    const up = b.add('Conv2DTranspose', { filters: filters[i]!, kernelSize: 2, strides: 2 }, [x], `up${i + 1}`);
    const skip = crops ? b.add('Cropping2D', { cropping: crops[i]! }, [skips[i]!], `crop${i + 1}`) : skips[i]!;
    const cat = b.add('Concatenate', {}, [skip, up], `concat${i + 1}`);
    x = twoConvs(b, cat, filters[i]!, padding, `up${i + 1}`);
    if (crops) levels[i]!.across!.push(skip);
    levels[i]!.up!.push(up, cat, `up${i + 1}_conv1`, x);
  }
  return { out: x, levels, bottom: ['bottom_conv1', 'bottom_conv2'] };
}

/** The U drawing with the network's input above level 0's left side and its head after level 0's right side. */
function drawU(input: string, u: UNetDrawing, head: string) {
  const [top, ...rest] = u.levels;
  return uShape([{ ...top!, down: [input, ...top!.down], up: [...top!.up!, head] }, ...rest], u.bottom);
}

/** The original U-Net (Ronneberger et al. 2015): 572×572×1 → 388×388×2. */
export function unet() {
  const b = new GraphBuilder();
  const x = b.add('Input', { shape: [572, 572, 1] }, [], 'image');
  const u = unetBody(b, x, [64, 128, 256, 512], 1024, 'valid', unetCrops(572, 4));
  const head = b.add('Conv2D', { filters: 2, kernelSize: 1 }, [u.out], 'segmentation_map');
  return b.doc('U-Net (original, 572×572)', { training: { task: 'segment' } }, drawU(x, u, head));
}

/** A U-Net for 64×64 shapes: padding 'same' (no crops needed), three levels, per-pixel softmax over 4 classes. */
export function unetSmall() {
  const b = new GraphBuilder();
  const x = b.add('Input', { shape: [64, 64, 1] }, [], 'image');
  const u = unetBody(b, x, [8, 16], 32, 'same');
  const head = b.add('Conv2D', { filters: 4, kernelSize: 1, activation: 'softmax' }, [u.out], 'classes');
  return b.doc(
    'U-Net (small, 64×64)',
    { training: { task: 'segment', dataset: 'shapes-segmentation', epochs: 6, batchSize: 16, learningRate: 0.003 } },
    drawU(x, u, head),
  );
}

/** VGG16's convolutional blocks (the FCN's encoder), one U level each (convolutions, then the pool). */
function vggBlocks(b: GraphBuilder, x: string): ULevel[] {
  const blocks: [number, number][] = [[64, 2], [128, 2], [256, 3], [512, 3], [512, 3]];
  return blocks.map(([f, n], i) => {
    const down: string[] = [];
    for (let c = 1; c <= n; c++) down.push((x = b.add('Conv2D', conv(f, 'same'), [x], `block${i + 1}_conv${c}`)));
    down.push((x = b.add('MaxPooling2D', { poolSize: 2 }, [x], `block${i + 1}_pool`)));
    return { down };
  });
}

/**
 * FCN-8s (Long et al. 2015) on VGG16 for the 21 PASCAL VOC classes: the
 * classifier's Dense layers become convolutions (fc6 7×7, fc7 1×1), a 1×1
 * convolution scores each class, and transposed convolutions upsample the
 * scores, adding finer scores from pool4 and pool3 on the way. Drawn as a U:
 * VGG16 down the left, fc6…score_fr at the bottom, the upsampling up the
 * right, and the pool4 and pool3 score taps across.
 */
export function fcn() {
  const b = new GraphBuilder();
  const x = b.add('Input', { shape: [224, 224, 3] }, [], 'image');
  const levels = vggBlocks(b, x);
  const [pool3, pool4, pool5] = [2, 3, 4].map((i) => levels[i]!.down.at(-1)!);
  let y = b.add('Conv2D', conv(4096, 'same', 7), [pool5!], 'fc6');
  y = b.add('Dropout', { rate: 0.5 }, [y], 'drop6');
  y = b.add('Conv2D', conv(4096, 'same', 1), [y], 'fc7');
  y = b.add('Dropout', { rate: 0.5 }, [y], 'drop7');
  y = b.add('Conv2D', { filters: 21, kernelSize: 1 }, [y], 'score_fr');
  y = b.add('Conv2DTranspose', { filters: 21, kernelSize: 4, strides: 2, padding: 'same', useBias: false }, [y], 'upscore2');
  const s4 = b.add('Conv2D', { filters: 21, kernelSize: 1 }, [pool4!], 'score_pool4');
  y = b.add('Add', {}, [y, s4], 'fuse_pool4');
  y = b.add('Conv2DTranspose', { filters: 21, kernelSize: 4, strides: 2, padding: 'same', useBias: false }, [y], 'upscore_pool4');
  const s3 = b.add('Conv2D', { filters: 21, kernelSize: 1 }, [pool3!], 'score_pool3');
  y = b.add('Add', {}, [y, s3], 'fuse_pool3');
  y = b.add('Conv2DTranspose', { filters: 21, kernelSize: 16, strides: 8, padding: 'same', useBias: false }, [y], 'upscore8');
  b.add('Activation', { activation: 'softmax' }, [y], 'classes');
  const drawing = uShape(
    [
      { down: [x, ...levels[0]!.down], up: ['upscore8', 'classes'] },
      levels[1]!,
      { ...levels[2]!, across: ['score_pool3'], up: ['upscore_pool4', 'fuse_pool3'] },
      { ...levels[3]!, across: ['score_pool4'], up: ['upscore2', 'fuse_pool4'] },
      levels[4]!,
    ],
    ['fc6', 'drop6', 'fc7', 'drop7', 'score_fr'],
  );
  return b.doc('FCN-8s (VGG16, 21 classes)', { training: { task: 'segment' } }, drawing);
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
  // The U by resolution: 64×64 at the top, 32×32 (from pool1, with its score tap) below, 16×16 at the bottom.
  const drawing = uShape(
    [
      { down: ['image', 'conv1'], up: ['upscore_final', 'classes'] },
      { down: [pool1, 'conv2', 'pool2'], across: [s1], up: ['upscore2', 'fuse_pool1'] },
    ],
    ['conv3', 'score'],
  );
  return b.doc('FCN (small, 64×64)', { training: { task: 'segment', dataset: 'shapes-segmentation', epochs: 12, batchSize: 32, learningRate: 0.003 } }, drawing);
}
