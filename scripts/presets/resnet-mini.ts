/**
 * A small ResNet for MNIST: two residual blocks whose skip edges meet the
 * block output at an Add. Each convolution is followed by BatchNormalization
 * (as in ResNet), which also lets this small net learn within an epoch.
 */
import { GraphBuilder } from './builder.ts';

const conv = (filters: number, strides = 1) => ({ filters, kernelSize: 3, strides, padding: 'same', useBias: false });

/** Convolution → BatchNormalization (→ ReLU unless `relu` is false); returns the last id. */
function convBn(b: GraphBuilder, x: string, filters: number, name: string, strides = 1, relu = true): string {
  x = b.add('Conv2D', conv(filters, strides), [x], `${name}_conv`);
  // Momentum 0.9: the moving statistics settle within the first epoch (Keras's 0.99 needs hundreds of batches).
  x = b.add('BatchNormalization', { momentum: 0.9 }, [x], `${name}_bn`);
  return relu ? b.add('Activation', { activation: 'relu' }, [x], `${name}_relu`) : x;
}

function residual(b: GraphBuilder, x: string, filters: number, name: string): string {
  const y1 = convBn(b, x, filters, `${name}_1`);
  const y2 = convBn(b, y1, filters, `${name}_2`, 1, false);
  const sum = b.add('Add', {}, [x, y2], `${name}_add`);
  return b.add('Activation', { activation: 'relu' }, [sum], `${name}_out`);
}

export function resnetMini() {
  const b = new GraphBuilder();
  let x = b.add('Input', { shape: [28, 28, 1] }, [], 'image');
  x = convBn(b, x, 16, 'stem');
  x = residual(b, x, 16, 'block1');
  x = convBn(b, x, 32, 'down', 2);
  x = residual(b, x, 32, 'block2');
  x = b.add('GlobalAveragePooling2D', {}, [x], 'avg_pool');
  b.add('Dense', { units: 10, activation: 'softmax' }, [x], 'digit');
  return b.doc('ResNet mini', { training: { task: 'classify', dataset: 'mnist', epochs: 3, batchSize: 64, learningRate: 0.003 } });
}
