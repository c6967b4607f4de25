/**
 * Transfer learning on MNIST, offline: a small CNN backbone pretrained on
 * digits 0–4 (built by scripts/prepare-backbone.ts into public/data) is
 * frozen, and a new head learns digits 5–9 on top of its features.
 */
import type { GraphDoc } from '../../src/graph/schema.ts';
import { GraphBuilder } from './builder.ts';

/** Where the app serves the pretrained backbone (public/data/…). */
export const BACKBONE_URL = 'data/backbone-digits-0-4/model.json';
export const BACKBONE_DIR = 'backbone-digits-0-4';

/** The backbone's convolutional layers between an input node `x` and its flattened features; returns their id. */
function backboneLayers(b: GraphBuilder, x: string): string {
  x = b.add('Conv2D', { filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }, [x], 'conv1');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool1');
  x = b.add('Conv2D', { filters: 32, kernelSize: 3, padding: 'same', activation: 'relu' }, [x], 'conv2');
  x = b.add('MaxPooling2D', { poolSize: 2 }, [x], 'pool2');
  return b.add('Flatten', {}, [x], 'features');
}

/** A classifier head (what transfer learning replaces): Dense 64 ReLU, then softmax over `classes`. */
function head(b: GraphBuilder, x: string, classes: number, name: string): string {
  x = b.add('Dense', { units: 64, activation: 'relu' }, [x], `${name}_hidden`);
  return b.add('Dense', { units: classes, activation: 'softmax' }, [x], name);
}

/** The backbone alone, 1,568 features per digit (its layer names are the ids the transfer preset's Backbone block uses inside). */
export function backboneDoc(): GraphDoc {
  const b = new GraphBuilder();
  backboneLayers(b, b.add('Input', { shape: [28, 28, 1] }, [], 'in'));
  return b.doc('Backbone (digits 0–4)');
}

/** Backbone + a 5-way head, trained on digits 0–4 to make the backbone's weights. */
export function pretrainDoc(): GraphDoc {
  const b = new GraphBuilder();
  head(b, backboneLayers(b, b.add('Input', { shape: [28, 28, 1] }, [], 'in')), 5, 'digit_0_4');
  return b.doc('Backbone pretraining (digits 0–4)', { training: { task: 'classify', dataset: 'mnist-0-4' } });
}

export function transferLearning(): GraphDoc {
  const b = new GraphBuilder();
  const x = b.add('Input', { shape: [28, 28, 1] }, [], 'image');
  const f = b.composite(
    'Backbone',
    'backbone',
    (inner) => {
      const features = backboneLayers(inner, inner.add('Input', {}, [], 'in'));
      inner.add('Output', {}, [features], 'out');
    },
    [x],
    'backbone',
  );
  const node = b.nodes.find((n) => n.id === f)!;
  node.params = { ...node.params, trainable: false, weightsUrl: BACKBONE_URL };
  head(b, f, 5, 'digit_5_9');
  return b.doc('Transfer learning: digits 0–4 → 5–9', {
    training: { task: 'classify', dataset: 'mnist-5-9', epochs: 3, batchSize: 64, learningRate: 0.003 },
  });
}
