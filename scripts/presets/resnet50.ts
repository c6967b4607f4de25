/**
 * ResNet50 exactly as keras.applications.ResNet50 builds it (include_top,
 * 224×224×3, 1000 classes): same layer names and order, 25,636,712 weights
 * (53,120 of them BatchNormalization moving statistics, not trainable).
 * The layers are grouped into the paper's stages (conv1, conv2_x … conv5_x),
 * each a Block composite, so the top level reads as the paper's table 1 and
 * double-clicking a stage shows its bottleneck blocks and skip edges.
 */
import { GraphBuilder } from './builder.ts';

const BN = { axis: 3, epsilon: 1.001e-5 };

/** keras.applications.resnet.block1: bottleneck 1×1 → 3×3 → 1×1 (×4), plus a projected or identity shortcut. */
function block(b: GraphBuilder, x: string, filters: number, stride: number, projected: boolean, name: string): string {
  let shortcut = x;
  if (projected) {
    shortcut = b.add('Conv2D', { filters: 4 * filters, kernelSize: 1, strides: stride }, [x], `${name}_0_conv`);
    shortcut = b.add('BatchNormalization', BN, [shortcut], `${name}_0_bn`);
  }
  let y = b.add('Conv2D', { filters, kernelSize: 1, strides: stride }, [x], `${name}_1_conv`);
  y = b.add('BatchNormalization', BN, [y], `${name}_1_bn`);
  y = b.add('Activation', { activation: 'relu' }, [y], `${name}_1_relu`);
  y = b.add('Conv2D', { filters, kernelSize: 3, padding: 'same' }, [y], `${name}_2_conv`);
  y = b.add('BatchNormalization', BN, [y], `${name}_2_bn`);
  y = b.add('Activation', { activation: 'relu' }, [y], `${name}_2_relu`);
  y = b.add('Conv2D', { filters: 4 * filters, kernelSize: 1 }, [y], `${name}_3_conv`);
  y = b.add('BatchNormalization', BN, [y], `${name}_3_bn`);
  const sum = b.add('Add', {}, [shortcut, y], `${name}_add`);
  return b.add('Activation', { activation: 'relu' }, [sum], `${name}_out`);
}

/** A stage: a Block composite named `name` whose inside `layers` builds from its input port; returns the stage's id. */
function stage(b: GraphBuilder, x: string, name: string, layers: (inner: GraphBuilder, x: string) => string): string {
  return b.composite('Block', name, (inner) => inner.add('Output', {}, [layers(inner, inner.add('Input', {}, [], 'in'))], 'out'), [x], name);
}

export function resnet50() {
  const b = new GraphBuilder();
  let x = b.add('Input', { shape: [224, 224, 3] }, [], 'input_1');
  x = stage(b, x, 'conv1', (s, y) => {
    y = s.add('ZeroPadding2D', { padding: [[3, 3], [3, 3]] }, [y], 'conv1_pad');
    y = s.add('Conv2D', { filters: 64, kernelSize: 7, strides: 2 }, [y], 'conv1_conv');
    y = s.add('BatchNormalization', BN, [y], 'conv1_bn');
    y = s.add('Activation', { activation: 'relu' }, [y], 'conv1_relu');
    y = s.add('ZeroPadding2D', { padding: [[1, 1], [1, 1]] }, [y], 'pool1_pad');
    return s.add('MaxPooling2D', { poolSize: 3, strides: 2 }, [y], 'pool1_pool');
  });
  const stacks: [number, number, number][] = [[64, 3, 1], [128, 4, 2], [256, 6, 2], [512, 3, 2]];
  stacks.forEach(([filters, blocks, stride], i) => {
    x = stage(b, x, `conv${i + 2}_x`, (s, y) => {
      for (let k = 1; k <= blocks; k++) y = block(s, y, filters, k === 1 ? stride : 1, k === 1, `conv${i + 2}_block${k}`);
      return y;
    });
  });
  x = b.add('GlobalAveragePooling2D', {}, [x], 'avg_pool');
  b.add('Dense', { units: 1000, activation: 'softmax' }, [x], 'predictions');
  return b.doc('ResNet50', { training: { task: 'classify' } });
}
