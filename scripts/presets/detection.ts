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
