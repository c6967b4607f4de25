/**
 * GoogLeNet (Inception v1, Szegedy et al. 2014, table 1) without the two
 * auxiliary classifiers and without local response normalisation (tfjs has
 * no such layer; later Inception versions dropped it too). Each inception
 * module is a Block composite: 1×1, 1×1→3×3, 1×1→5×5 and 3×3 max-pool→1×1
 * branches side by side, joined by Concatenate. The top level is the
 * paper's table 1 in stages: the stem, then the inception groups (3), (4)
 * and (5), each a Block of modules, with the max-pools that halve the map
 * between them; double-click a stage, then a module, to go in.
 */
import { GraphBuilder } from './builder.ts';
import { grid } from './arrange.ts';

type Module = [name: string, c1: number, r3: number, c3: number, r5: number, c5: number, pool: number];

/** The inception groups of table 1, each followed (but the last) by a 3×3/2 max-pool. */
const STAGES: [name: string, modules: Module[]][] = [
  [
    'inception_3',
    [
      ['inception_3a', 64, 96, 128, 16, 32, 32],
      ['inception_3b', 128, 128, 192, 32, 96, 64],
    ],
  ],
  [
    'inception_4',
    [
      ['inception_4a', 192, 96, 208, 16, 48, 64],
      ['inception_4b', 160, 112, 224, 24, 64, 64],
      ['inception_4c', 128, 128, 256, 24, 64, 64],
      ['inception_4d', 112, 144, 288, 32, 64, 64],
      ['inception_4e', 256, 160, 320, 32, 128, 128],
    ],
  ],
  [
    'inception_5',
    [
      ['inception_5a', 256, 160, 320, 32, 128, 128],
      ['inception_5b', 384, 192, 384, 48, 128, 128],
    ],
  ],
];

const conv = (filters: number, kernelSize: number) => ({ filters, kernelSize, padding: 'same', activation: 'relu' });

/** One inception module's inside, between its Input and Output port nodes. */
export function inceptionModule(b: GraphBuilder, [, c1, r3, c3, r5, c5, pool]: Module) {
  const x = b.add('Input', {}, [], 'in');
  const a = b.add('Conv2D', conv(c1, 1), [x], 'branch1x1');
  const r3id = b.add('Conv2D', conv(r3, 1), [x], 'reduce3x3');
  const c3id = b.add('Conv2D', conv(c3, 3), [r3id], 'branch3x3');
  const r5id = b.add('Conv2D', conv(r5, 1), [x], 'reduce5x5');
  const c5id = b.add('Conv2D', conv(c5, 5), [r5id], 'branch5x5');
  const p = b.add('MaxPooling2D', { poolSize: 3, strides: 1, padding: 'same' }, [x], 'pool');
  const pp = b.add('Conv2D', conv(pool, 1), [p], 'pool_proj');
  const cat = b.add('Concatenate', { axis: -1 }, [a, c3id, c5id, pp], 'concat');
  b.add('Output', {}, [cat], 'out');
}

/** Branch columns, narrower than the default so a module stays close to one screen wide. */
const BRANCH = 0.75;

/**
 * A module drawn as in the paper's figure 2: the branches side by side, 1×1 on the left, pooling on the
 * right (so no edge into the Concatenate crosses another). The input sits left of centre: its edge down
 * to the 1×1 branch then passes beside the 3×3 branch's reduction instead of behind it.
 */
export const inceptionDrawing = grid({
  in: [0.5 * BRANCH, 0],
  reduce3x3: [1 * BRANCH, 1],
  reduce5x5: [2 * BRANCH, 1],
  pool: [3 * BRANCH, 1],
  branch1x1: [0, 2],
  branch3x3: [1 * BRANCH, 2],
  branch5x5: [2 * BRANCH, 2],
  pool_proj: [3 * BRANCH, 2],
  concat: [1.5 * BRANCH, 3],
  out: [1.5 * BRANCH, 4],
});

const maxPool = { poolSize: 3, strides: 2, padding: 'same' };

export function googlenet() {
  const b = new GraphBuilder();
  let x = b.add('Input', { shape: [224, 224, 3] }, [], 'input');
  const stem = (s: GraphBuilder) => {
    let y = s.add('Input', {}, [], 'in');
    y = s.add('Conv2D', { filters: 64, kernelSize: 7, strides: 2, padding: 'same', activation: 'relu' }, [y], 'conv1_7x7');
    y = s.add('MaxPooling2D', maxPool, [y], 'pool1');
    y = s.add('Conv2D', conv(64, 1), [y], 'conv2_reduce');
    y = s.add('Conv2D', conv(192, 3), [y], 'conv2_3x3');
    s.add('Output', {}, [s.add('MaxPooling2D', maxPool, [y], 'pool2')], 'out');
  };
  x = b.composite('Block', 'stem', stem, [x], 'stem');
  STAGES.forEach(([name, modules], i) => {
    const group = (s: GraphBuilder) => {
      let y = s.add('Input', {}, [], 'in');
      for (const m of modules) y = s.composite('Block', m[0], (inner) => inceptionModule(inner, m), [y], m[0], inceptionDrawing);
      s.add('Output', {}, [y], 'out');
    };
    x = b.composite('Block', name, group, [x], name);
    if (i < STAGES.length - 1) x = b.add('MaxPooling2D', maxPool, [x], `pool${i + 3}`);
  });
  x = b.add('GlobalAveragePooling2D', {}, [x], 'avg_pool');
  x = b.add('Dropout', { rate: 0.4 }, [x], 'dropout');
  b.add('Dense', { units: 1000, activation: 'softmax' }, [x], 'predictions');
  return b.doc('GoogLeNet (Inception v1)', { training: { task: 'classify' } });
}
