/** VGG16 exactly as keras.applications.VGG16 builds it (include_top, 224×224×3, 1000 classes): 138,357,544 weights. */
import { GraphBuilder } from './builder.ts';

export function vgg16() {
  const b = new GraphBuilder();
  let x = b.add('Input', { shape: [224, 224, 3] }, [], 'input_1');
  const blocks: [number, number][] = [[64, 2], [128, 2], [256, 3], [512, 3], [512, 3]];
  blocks.forEach(([filters, convs], i) => {
    for (let c = 1; c <= convs; c++) x = b.add('Conv2D', { filters, kernelSize: 3, padding: 'same', activation: 'relu' }, [x], `block${i + 1}_conv${c}`);
    x = b.add('MaxPooling2D', { poolSize: 2, strides: 2 }, [x], `block${i + 1}_pool`);
  });
  x = b.add('Flatten', {}, [x], 'flatten');
  x = b.add('Dense', { units: 4096, activation: 'relu' }, [x], 'fc1');
  x = b.add('Dense', { units: 4096, activation: 'relu' }, [x], 'fc2');
  b.add('Dense', { units: 1000, activation: 'softmax' }, [x], 'predictions');
  return b.doc('VGG16', { training: { task: 'classify' } });
}
