/**
 * The two-stage detector's numbers (src/train/detect/two-stage.ts) on
 * hand-made cases: the layout read from the output's length, stage 1's
 * targets over anchors, the true boxes stage 2's part carries, proposals
 * matched to them by IoU (padding rows ignored), and decoding a proposal
 * refined by its deltas.
 */
import { describe, expect, it } from 'vitest';
import { encodeBoxDeltas } from '../../src/compile/layers/detection.ts';
import { decodeTwoStage, encodeTwoStage, matchProposals, proposalsOf, stage1Size, truthOf, twoStageLayout, type TwoStageLayout } from '../../src/train/detect/two-stage.ts';

// Two anchors (left and right halves) and two proposals on a 64×64 image, 3 classes: rows of 4 + 1 + 3 + 5 = 13.
const L: TwoStageLayout = { anchors: 2, proposals: 2, classes: 3, width: 64, height: 64 };
const anchors = [0, 0, 0.5, 1, 0.5, 0, 1, 1];

describe('two-stage layout and targets', () => {
  it('reads classes from the length, and refuses lengths that do not add up', () => {
    expect(twoStageLayout(2 * 9 + 2 * 13, 2, 2, 64, 64)).toEqual(L);
    expect(twoStageLayout(2 * 9 + 2 * 13 + 1, 2, 2, 64, 64)).toBeNull();
    expect(twoStageLayout(2 * 9 + 2 * 10, 2, 2, 64, 64)).toBeNull(); // no room for a class
  });

  it('stage 1: the anchor that holds the box learns it (label 1, deltas), the other is background; stage 2 holds the box as fractions', () => {
    const box = { x: 0, y: 0, w: 32, h: 64, cls: 2 };
    const t = encodeTwoStage(anchors, [box], L);
    expect(Array.from(t.subarray(0, 9))).toEqual([0, 0, 0, 0, 1, 0, 0, 0.5, 1]);
    expect(Array.from(t.subarray(9, 18))).toEqual([0, 0, 0, 0, 0, 0.5, 0, 1, 1]);
    expect(truthOf(t.subarray(stage1Size(L)))).toEqual([{ x: 0, y: 0, w: 0.5, h: 1, cls: 2 }]);
  });

  it('stage 2: a proposal on the box learns its class and the deltas to it; one far away learns background; a padding row is ignored', () => {
    const row = (box: number[]) => [0, 0, 0, 0, 0, 0, 0, 0, ...box, 0.9];
    const near = [0.05, 0, 0.5, 1]; // IoU 0.9 with the box
    const truth = [{ x: 0, y: 0, w: 0.5, h: 1, cls: 1 }];
    const l1 = { ...L, width: 1, height: 1 };
    const t = matchProposals([...row(near), ...row([0.6, 0, 1, 1])], truth, l1);
    expect(Array.from(t.subarray(0, 4))).toEqual(encodeBoxDeltas(near, [0, 0, 0.5, 1]).map(Math.fround));
    expect(Array.from(t.subarray(4, 8))).toEqual([0, 0, 1, 0]);
    expect(Array.from(t.subarray(12 + 4, 12 + 8))).toEqual([1, 0, 0, 0]);
    const padded = matchProposals([...row(near), ...row([0, 0, 0, 0])], truth, l1);
    expect(Array.from(padded.subarray(12, 24))).toEqual(Array(12).fill(0));
  });

  it('decodes each proposal moved by its deltas with its class, and lists the proposals in pixels', () => {
    const proposal = [0.25, 0.25, 0.75, 0.75];
    const out = new Float32Array(stage1Size(L) + 2 * 13);
    // Deltas that move the proposal onto [0.125, 0.25, 0.625, 0.75]; class 2 far ahead of background.
    out.set([...encodeBoxDeltas(proposal, [0.125, 0.25, 0.625, 0.75]), -5, -5, -5, 5, ...proposal, 0.8], stage1Size(L));
    const [found, ...rest] = decodeTwoStage(out, L);
    expect(rest).toEqual([]);
    expect(found!.cls).toBe(2);
    expect(found!.score).toBeGreaterThan(0.99);
    expect([found!.x, found!.y, found!.w, found!.h].map((v) => +v.toFixed(3))).toEqual([8, 16, 32, 32]);
    expect(proposalsOf(out, L)).toEqual([{ x: 16, y: 16, w: 32, h: 32, score: expect.closeTo(0.8, 6) }]);
  });
});
