/**
 * A one-stage, YOLO-style detector for the synthetic shapes (64×64, 3
 * classes): convolutions and pooling down to an 8×8 grid, then a 1×1
 * convolution that gives every cell its objectness, box and class scores
 * at once — no region proposals.
 */
import { GraphBuilder } from './builder.ts';

export const DETECT_CLASSES = 3;

export function detector() {
  const b = new GraphBuilder();
  const conv = (filters: number) => ({ filters, kernelSize: 3, padding: 'same', activation: 'relu' });
  let x = b.add('Input', { shape: [64, 64, 1] }, [], 'image');
  x = b.add('Conv2D', conv(16), [x], 'conv1');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool1');
  x = b.add('Conv2D', conv(32), [x], 'conv2');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool2');
  x = b.add('Conv2D', conv(64), [x], 'conv3');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool3');
  x = b.add('Conv2D', conv(64), [x], 'conv4');
  // Per cell: objectness, x, y, w, h, then one score per class (raw; the detect task applies sigmoid/softmax).
  b.add('Conv2D', { filters: 5 + DETECT_CLASSES, kernelSize: 1 }, [x], 'grid');
  return b.doc('One-stage detector (8×8 grid)', { training: { task: 'detect', dataset: 'shapes-detection', epochs: 12, batchSize: 32, learningRate: 0.002 } });
}

/**
 * An SSD-style one-stage detector: the same kind of backbone, then a head
 * on two feature maps (8×8 for the smaller shapes, 4×4 for the bigger),
 * each cell with default boxes of three aspect ratios; every box predicts
 * 4 deltas, a background score and a score per class. DefaultBoxes turns
 * each head into rows (with the boxes), Concatenate joins the two scales.
 */
export function ssd() {
  const b = new GraphBuilder();
  const conv = (filters: number) => ({ filters, kernelSize: 3, padding: 'same', activation: 'relu' });
  const ratios = [1, 2, 0.5];
  const perBox = 4 + 1 + DETECT_CLASSES;
  let x = b.add('Input', { shape: [64, 64, 1] }, [], 'image');
  x = b.add('Conv2D', conv(16), [x], 'conv1');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool1');
  x = b.add('Conv2D', conv(32), [x], 'conv2');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool2');
  x = b.add('Conv2D', conv(64), [x], 'conv3');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool3');
  const fine = b.add('Conv2D', conv(64), [x], 'conv4');
  const head8 = b.add('Conv2D', { filters: ratios.length * perBox, kernelSize: 3, padding: 'same' }, [fine], 'head_8x8');
  const rows8 = b.add('DefaultBoxes', { sizes: [0.25], aspectRatios: ratios }, [head8], 'boxes_8x8');
  let y = b.add('MaxPooling2D', { poolSize: 2 }, [fine], 'pool4');
  y = b.add('Conv2D', conv(64), [y], 'conv5');
  const head4 = b.add('Conv2D', { filters: ratios.length * perBox, kernelSize: 3, padding: 'same' }, [y], 'head_4x4');
  const rows4 = b.add('DefaultBoxes', { sizes: [0.45], aspectRatios: ratios }, [head4], 'boxes_4x4');
  b.add('Concatenate', { axis: 1 }, [rows8, rows4], 'default_boxes');
  return b.doc('SSD-style detector (default boxes at 8×8 and 4×4)', { training: { task: 'detect', dataset: 'shapes-detection', epochs: 12, batchSize: 32, learningRate: 0.002 } });
}
