import { describe, expect, it } from 'vitest';
import { READABLE_ZOOM, readableViewport } from '../../src/ui/canvas/opening-view.ts';

const screen = { width: 700, height: 700 };
const z = READABLE_ZOOM;
/** Where a flow point lands on screen under a viewport. */
const onScreen = (v: { x: number; y: number; zoom: number }, p: { x: number; y: number }) => ({ x: p.x * v.zoom + v.x, y: p.y * v.zoom + v.y });

describe('the view a big graph opens at', () => {
  it('keeps node text at 10 px or more (the smallest node text is 11 px)', () => {
    expect(11 * READABLE_ZOOM).toBeGreaterThanOrEqual(10);
    expect(READABLE_ZOOM).toBeLessThan(1);
  });

  it('puts inputs at the top left of a graph too big both ways at the top left of the screen, 40 px in', () => {
    const v = readableViewport({ x: 0, y: 0, width: 3000, height: 2500 }, { x: 0, y: 0, width: 150, height: 60 }, screen);
    expect(v.zoom).toBe(z);
    expect(onScreen(v, { x: 0, y: 0 })).toEqual({ x: 40, y: 40 });
  });

  it('centres a narrow, tall chain across and starts it at its input', () => {
    const v = readableViewport({ x: 100, y: 0, width: 200, height: 3000 }, { x: 100, y: 0, width: 200, height: 60 }, screen);
    const left = onScreen(v, { x: 100, y: 0 });
    const right = onScreen(v, { x: 300, y: 0 });
    expect((left.x + right.x) / 2).toBeCloseTo(350);
    expect(left.y).toBeCloseTo(40);
  });

  it('centres an input in the middle of a wide graph, and never scrolls past the graph’s edge', () => {
    const wide = { x: 0, y: 0, width: 3000, height: 400 };
    const middle = readableViewport(wide, { x: 1400, y: 0, width: 200, height: 60 }, screen);
    expect(onScreen(middle, { x: 1500, y: 0 }).x).toBeCloseTo(350);
    const nearEnd = readableViewport(wide, { x: 2900, y: 0, width: 100, height: 60 }, screen);
    expect(onScreen(nearEnd, { x: 3000, y: 0 }).x).toBeCloseTo(700 - 40);
  });
});
