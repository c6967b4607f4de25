/**
 * Grad-CAM on models whose answer is known.
 *
 * 1. Built by hand: channel 0 of a 3×3 convolution ('valid') responds to horizontal
 *    stripes only, channel 1 to vertical ones; the classifier reads only the
 *    left half of the maps (class 1: horizontal stripes on the left, class
 *    0: vertical). Whatever stripes fill the right half, the heatmap of the
 *    predicted class lies on the left half. The image is 8×16, so swapped
 *    axes would show.
 * 2. Segmentation, built by hand: an object fills the left half of the
 *    image; a 1×1 convolution gives the maps x and 0.5 − x, and a softmax
 *    1×1 convolution reads them as the logits of class 1 (object) and class
 *    0 (background). The heat of class 1 is its logit summed over the
 *    pixels labelled 1: on the left half, with the peak the logits give.
 * 3. Trained: a bright filled square or a hollow ring anywhere on a noisy
 *    16×16 field, the class being which of the two it is. The heatmap's
 *    hottest pixel lies on the object for nearly every test image.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph, type Compiled } from '../../src/compile/compile.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { Inspection } from '../../src/inspect/inspection.ts';
import { makeRng } from '../../src/data/random.ts';
import { seededRandom } from '../../src/train/run-parts.ts';
import { chain } from '../analysis/helpers.ts';
import { tf, wasm } from '../train/run-helpers.ts';

beforeAll(async () => {
  await wasm();
});

function build(doc: GraphDoc): Compiled {
  const r = compileGraph(tf, doc);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.value;
}

const H = 8;
const W = 16;

/** Horizontal stripes (bright even rows) or vertical ones (bright even columns) in columns [x0, x1). */
function stripes(img: Float32Array, kind: 'h' | 'v', x0: number, x1: number) {
  for (let y = 0; y < H; y++) for (let x = x0; x < x1; x++) img[y * W + x] = (kind === 'h' ? y : x) % 2 === 0 ? 1 : 0;
}

describe('Grad-CAM on a classifier that reads only the left half', () => {
  const doc = chain(['x', 'Input', { shape: [H, W, 1] }], ['conv', 'Conv2D', { filters: 2, kernelSize: 3, padding: 'valid', activation: 'relu', useBias: false }], ['flat', 'Flatten'], ['out', 'Dense', { units: 2, activation: 'softmax' }]);
  let c: Compiled;
  let look: Inspection;
  beforeAll(() => {
    c = build(doc);
    const horizontal = [-1, -1, -1, 2, 2, 2, -1, -1, -1];
    const vertical = [-1, 2, -1, -1, 2, -1, -1, 2, -1];
    const kernel = new Float32Array(9 * 2);
    for (let i = 0; i < 9; i++) [kernel[i * 2], kernel[i * 2 + 1]] = [horizontal[i]!, vertical[i]!];
    c.nodeLayers.get('conv')![0]!.setWeights([tf.tensor4d(kernel, [3, 3, 1, 2])]);
    // 'valid': the maps are 6×14 (no zero padding to fire the detectors at the border).
    // Flatten order: (y, x, channel). Class 1 reads channel 0 on the left half, class 0 channel 1 on the left half.
    const [h, w] = [H - 2, W - 2];
    const dense = new Float32Array(h * w * 2 * 2);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w / 2; x++) {
        dense[((y * w + x) * 2 + 0) * 2 + 1] = 0.05;
        dense[((y * w + x) * 2 + 1) * 2 + 0] = 0.05;
      }
    }
    c.nodeLayers.get('out')![0]!.setWeights([tf.tensor2d(dense, [h * w * 2, 2]), tf.zeros([2])]);
    look = new Inspection(tf, c, doc);
  });

  const halves = (heat: Float32Array) => {
    let left = 0;
    let right = 0;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) (x < W / 2 ? (v: number) => (left += v) : (v: number) => (right += v))(heat[y * W + x]!);
    return { left, right };
  };

  for (const [left, right, cls] of [
    ['h', 'v', 1],
    ['v', 'h', 0],
    ['h', 'h', 1],
    ['v', 'v', 0],
  ] as const) {
    it(`${left === 'h' ? 'horizontal' : 'vertical'} stripes on the left, ${right === 'h' ? 'horizontal' : 'vertical'} on the right: class ${cls}, heat on the left`, () => {
      const img = new Float32Array(H * W);
      stripes(img, left, 0, W / 2);
      stripes(img, right, W / 2, W);
      const cam = look.gradcam({ values: img, shape: [H, W, 1] }, 'conv', null);
      expect(cam.predicted).toBe(cls);
      expect(cam.classIndex).toBe(cls);
      expect([cam.heat.height, cam.heat.width]).toEqual([H, W]);
      expect([cam.coarse.height, cam.coarse.width]).toEqual([H - 2, W - 2]);
      expect(cam.peak).toBeGreaterThan(0);
      const { left: l, right: r } = halves(cam.heat.values);
      // The element-wise variant (HiResCAM) keeps where each gradient is: always the left half.
      const hi = look.gradcam({ values: img, shape: [H, W, 1] }, 'conv', null, true);
      expect(hi.elementwise).toBe(true);
      const { left: hl, right: hr } = halves(hi.heat.values);
      expect(hl).toBeGreaterThan(10 * hr);
      if (left === right) {
        // Same stripes on both halves: the maps are alike on both sides, so is Grad-CAM's heat (it weighs channels, not places).
        expect(l).toBeGreaterThan(0);
        expect(r).toBeGreaterThan(0.5 * l);
      } else {
        expect(l).toBeGreaterThan(10 * r);
      }
    });
  }

  it('the other class’s heatmap shows its own evidence, and a class that is not there is refused with words', () => {
    const img = new Float32Array(H * W);
    stripes(img, 'h', 0, W / 2);
    stripes(img, 'v', W / 2, W);
    // Class 0 is "vertical stripes on the left": its channel fires only on the right here.
    const cam0 = look.gradcam({ values: img, shape: [H, W, 1] }, 'conv', 0);
    expect(cam0.classIndex).toBe(0);
    expect(cam0.predicted).toBe(1);
    const { left, right } = halves(cam0.heat.values);
    expect(right).toBeGreaterThan(10 * left);
    expect(() => look.gradcam({ values: img, shape: [H, W, 1] }, 'conv', 5)).toThrow('the model has no class 5');
    expect(() => look.gradcam({ values: img, shape: [H, W, 1] }, 'flat', null)).toThrow(/Grad-CAM needs a layer with feature maps/);
  });

  it('leaves no tensors behind', () => {
    const img = new Float32Array(H * W);
    stripes(img, 'h', 0, W);
    look.gradcam({ values: img, shape: [H, W, 1] }, 'conv', null);
    const before = tf.memory().numTensors;
    look.gradcam({ values: img, shape: [H, W, 1] }, 'conv', null);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('Grad-CAM on the MNIST CNN equals Grad-CAM written out by hand', () => {
  it('conv2 → max-pool → flatten → dense logits, both variants', async () => {
    const { loadMnist } = await import('../train/run-helpers.ts');
    const { loadGraph } = await import('../../src/graph/load.ts');
    const { readFileSync } = await import('node:fs');
    const mnist = await loadMnist();
    const r = loadGraph(readFileSync('graph-presets/mnist-cnn.json', 'utf8'));
    if (!r.ok) throw new Error(r.error.message);
    const c = build(r.doc);
    const look = new Inspection(tf, c, r.doc);
    const sample = { values: mnist.test.x.slice(3 * 784, 4 * 784), shape: [28, 28, 1] };
    const a = look.output('conv2', sample);
    const [W, b] = c.nodeLayers.get('digit')![0]!.weights.map((w) => w.read());
    for (const elementwise of [false, true]) {
      for (const cls of [0, 5]) {
        const cam = look.gradcam(sample, 'conv2', cls, elementwise);
        const want = tf.tidy(() => {
          const A = tf.tensor4d(a.values, [1, 14, 14, 64]);
          const logit = (x: import('@tensorflow/tfjs').Tensor) => tf.matMul(tf.maxPool(x as import('@tensorflow/tfjs').Tensor4D, 2, 2, 'valid').reshape([1, -1]), W!).add(b!).reshape([-1]).slice([cls], [1]).sum();
          const g = tf.grad(logit)(A);
          const raw = tf.relu(elementwise ? A.mul(g).sum(3) : A.mul(g.mean([1, 2]).reshape([1, 1, 1, -1])).sum(3));
          const peak = raw.max().dataSync()[0]!;
          return Array.from((peak > 0 ? raw.div(peak) : raw).dataSync());
        });
        expect(cam.coarse.values.length).toBe(14 * 14);
        for (let i = 0; i < want.length; i++) expect(cam.coarse.values[i]).toBeCloseTo(want[i]!, 4);
      }
    }
    c.main.dispose();
  });
});

describe('Grad-CAM on a trained classifier finds the object', () => {
  const S = 16;
  /** A 4×4 object at (ox, oy): class 0 filled, class 1 a ring; faint noise everywhere. */
  function scene(rng: () => number): { img: Float32Array; cls: number; ox: number; oy: number } {
    const img = Float32Array.from({ length: S * S }, () => rng() * 0.25);
    const cls = rng() < 0.5 ? 0 : 1;
    const ox = Math.floor(rng() * (S - 4));
    const oy = Math.floor(rng() * (S - 4));
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) if (cls === 0 || y === 0 || y === 3 || x === 0 || x === 3) img[(oy + y) * S + ox + x] = 1;
    return { img, cls, ox, oy };
  }

  it('the hottest pixel is on the object', async () => {
    const doc = chain(
      ['x', 'Input', { shape: [S, S, 1] }],
      ['c1', 'Conv2D', { filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }],
      ['c2', 'Conv2D', { filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }],
      ['gap', 'GlobalAveragePooling2D'],
      ['out', 'Dense', { units: 2, activation: 'softmax' }],
    );
    const rng = makeRng(7);
    const train = Array.from({ length: 400 }, () => scene(rng));
    // Seeded start weights and no shuffling: the same model every run. How often the hottest pixel lands on the
    // object depends on what training learnt: 0.5 to 0.9+ over start seeds 1-6, against about 0.14 by chance.
    const c = seededRandom(1, () => build(doc));
    c.main.compile({ optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const x = tf.tensor4d(train.flatMap((s) => Array.from(s.img)), [train.length, S, S, 1]);
    const y = tf.tensor1d(train.map((s) => s.cls), 'float32');
    const h = await c.main.fit(x, y, { epochs: 20, batchSize: 32, shuffle: false, verbose: 0 });
    tf.dispose([x, y]);
    expect(h.history.acc!.at(-1)).toBeGreaterThan(0.9);

    const look = new Inspection(tf, c, doc);
    const test = Array.from({ length: 40 }, () => scene(rng));
    let onObject = 0;
    for (const s of test) {
      const cam = look.gradcam({ values: s.img, shape: [S, S, 1] }, 'c2', null);
      let best = 0;
      for (let i = 1; i < cam.heat.values.length; i++) if (cam.heat.values[i]! > cam.heat.values[best]!) best = i;
      const [by, bx] = [Math.floor(best / S), best % S];
      // On the object or touching it (the last conv layer sees a 5×5 neighbourhood).
      if (bx >= s.ox - 1 && bx <= s.ox + 4 && by >= s.oy - 1 && by <= s.oy + 4) onObject++;
    }
    expect(onObject / test.length).toBeGreaterThanOrEqual(0.5);
    c.main.dispose();
  });
});

describe('Grad-CAM on a segmentation model whose object fills the left half', () => {
  const [h, w] = [6, 10];
  const doc = chain(
    ['x', 'Input', { shape: [h, w, 1] }],
    ['feat', 'Conv2D', { filters: 2, kernelSize: 1 }],
    ['classes', 'Conv2D', { filters: 2, kernelSize: 1, activation: 'softmax' }],
  );
  let look: Inspection;
  beforeAll(() => {
    const c = build(doc);
    // feat: channel 0 = x, channel 1 = 0.5 − x. classes: class 0's logit is channel 1, class 1's is channel 0.
    c.nodeLayers.get('feat')![0]!.setWeights([tf.tensor4d([1, -1], [1, 1, 1, 2]), tf.tensor1d([0, 0.5])]);
    c.nodeLayers.get('classes')![0]!.setWeights([tf.tensor4d([0, 1, 1, 0], [1, 1, 2, 2]), tf.zeros([2])]);
    look = new Inspection(tf, c, doc);
  });
  const img = new Float32Array(h * w);
  for (let y = 0; y < h; y++) for (let x = 0; x < w / 2; x++) img[y * w + x] = 1;
  const sides = (heat: Float32Array) => {
    let left = 0;
    let right = 0;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (x < w / 2) left += heat[y * w + x]!; else right += heat[y * w + x]!;
    return { left, right };
  };

  it('by default explains the class with the most pixels besides the background, over the pixels it labels', () => {
    const cam = look.gradcam({ values: img, shape: [h, w, 1] }, 'feat', null);
    expect(cam.predicted).toBe(1);
    expect(cam.classIndex).toBe(1);
    expect(cam.pixels).toEqual({ labelled: (h * w) / 2, total: h * w });
    expect(cam.probabilities).toEqual([0.5, 0.5]);
    // d(sum over the left half of x)/dA: channel 0's mean gradient is 0.5, so the heat is relu(0.5·x): 0.5 on the left.
    expect(cam.peak).toBeCloseTo(0.5, 5);
    const { left, right } = sides(cam.heat.values);
    expect(left).toBeGreaterThan(0);
    expect(right).toBe(0);
    expect(cam.overlayUrl).toMatch(/^data:image\/bmp;base64,/);
  });

  it('the background’s heat lies on the right; a class no pixel has is explained over the whole image', () => {
    const bg = look.gradcam({ values: img, shape: [h, w, 1] }, 'feat', 0);
    const { left, right } = sides(bg.heat.values);
    expect(right).toBeGreaterThan(0);
    expect(left).toBe(0);
    const empty = look.gradcam({ values: new Float32Array(h * w), shape: [h, w, 1] }, 'feat', 1);
    expect(empty.predicted).toBe(0);
    expect(empty.pixels).toEqual({ labelled: 0, total: h * w });
    // Over every pixel: relu(mean grad 1 · x) with x = 0 everywhere.
    expect(empty.peak).toBe(0);
  });
});
