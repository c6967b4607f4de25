/** The drawing pad's MNIST preprocessing: crop, fit 20×20 keeping aspect, centre of mass to the middle of 28×28. */
import { describe, expect, it } from 'vitest';
import { centreOfMass, inkBox, MNIST_SIDE, mnistPreprocess } from '../../src/ui/train/results/mnist-preprocess.ts';

const W = 280;
const H = 280;

/** A 280×280 canvas' worth of ink (0–255) with filled rectangles. */
function draw(rects: [x: number, y: number, w: number, h: number][]): Uint8ClampedArray {
  const ink = new Uint8ClampedArray(W * H);
  for (const [x0, y0, w, h] of rects) for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) ink[y * W + x] = 255;
  return ink;
}

describe('mnistPreprocess', () => {
  it('turns an empty drawing into all zeros', () => {
    const out = mnistPreprocess(new Uint8ClampedArray(W * H), W, H);
    expect(out).toHaveLength(784);
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it('centres an off-centre tall stroke and scales its long side to 20 pixels, keeping the aspect ratio', () => {
    // A vertical bar 20 wide and 100 tall in the top-left corner.
    const out = mnistPreprocess(draw([[10, 8, 20, 100]]), W, H);
    const box = inkBox(out, MNIST_SIDE, MNIST_SIDE)!;
    expect(box.y1 - box.y0 + 1).toBe(20);
    expect(box.x1 - box.x0 + 1).toBe(4); // 20 · 20/100
    const com = centreOfMass(out, MNIST_SIDE, MNIST_SIDE);
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...out)).toBeCloseTo(1, 5);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
  });

  it('scales a wide stroke by its width and places it by centre of mass, not by its box', () => {
    // An "L" in the bottom-right: a long foot and a short thin post, so the mass sits low.
    const out = mnistPreprocess(draw([[150, 250, 120, 20], [150, 200, 10, 50]]), W, H);
    const box = inkBox(out, MNIST_SIDE, MNIST_SIDE)!;
    expect(box.x1 - box.x0 + 1).toBe(20);
    expect(box.y1 - box.y0 + 1).toBe(12); // 70 tall · 20/120 ≈ 11.7
    const com = centreOfMass(out, MNIST_SIDE, MNIST_SIDE);
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
    // Box-centred placement would put the box's middle at row 14; centre of mass pushes the box up.
    expect((box.y0 + box.y1 + 1) / 2).toBeLessThan(13);
  });

  it('gives the same digit wherever and however big it is drawn', () => {
    const small = mnistPreprocess(draw([[20, 20, 8, 40]]), W, H);
    const big = mnistPreprocess(draw([[150, 60, 40, 200]]), W, H);
    let diff = 0;
    for (let i = 0; i < 784; i++) diff = Math.max(diff, Math.abs(small[i]! - big[i]!));
    expect(diff).toBeLessThan(1e-6);
  });

  it('ignores faint haze when finding the box', () => {
    const ink = draw([[100, 100, 20, 80]]);
    ink[5] = 3; // a speck of anti-aliasing far away, under 5% of the ink
    const out = mnistPreprocess(ink, W, H);
    const box = inkBox(out, MNIST_SIDE, MNIST_SIDE)!;
    expect(box.y1 - box.y0 + 1).toBe(20);
  });
});
