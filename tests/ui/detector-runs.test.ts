/**
 * The detectors compared on this device: one row per graph name + form (a
 * newer run replaces the older), newest first, at most MAX_RUNS, kept in
 * localStorage in zustand persist's format and read back (bad rows dropped).
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { MapEvent } from '../../src/train/events.ts';

/** localStorage as a browser has it, for the store's persist middleware under Node. */
const stored = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => stored.get(k) ?? null,
  setItem: (k: string, v: string) => void stored.set(k, String(v)),
  removeItem: (k: string) => void stored.delete(k),
});

let m: typeof import('../../src/ui/train/results/detector-runs.ts');
beforeAll(async () => {
  m = await import('../../src/ui/train/results/detector-runs.ts');
});

const shapes = { source: 'builtin', id: 'shapes-detection' } as const;
const row = (graph: string, form: MapEvent['form'], at: number, map = 0.5) => ({ at, graph, form, data: shapes, map, msPerImage: 3.2, backend: 'wasm', images: 400 });

describe('withRun', () => {
  test('newest first; the same graph name and form replaces its older row, in place of it at the top', () => {
    let rows = m.withRun([], row('grid', 'grid', 1, 0.9));
    rows = m.withRun(rows, row('ssd', 'rows', 2, 0.95));
    rows = m.withRun(rows, row('frcnn', 'two-stage', 3, 0.99));
    expect(rows.map((r) => r.at)).toEqual([3, 2, 1]);
    rows = m.withRun(rows, row('grid', 'grid', 4, 0.7));
    expect(rows.map((r) => [r.graph, r.at, r.map])).toEqual([
      ['grid', 4, 0.7],
      ['frcnn', 3, 0.99],
      ['ssd', 2, 0.95],
    ]);
  });

  test('the same name in another form, or another name in the same form, is a row of its own', () => {
    let rows = m.withRun([], row('my detector', 'grid', 1));
    rows = m.withRun(rows, row('my detector', 'rows', 2));
    rows = m.withRun(rows, row('my other detector', 'rows', 3));
    expect(rows.map((r) => `${r.graph}/${r.form}`)).toEqual(['my other detector/rows', 'my detector/rows', 'my detector/grid']);
  });

  test(`at most ${8} rows: the oldest go`, () => {
    expect(m.MAX_RUNS).toBe(8);
    let rows: ReturnType<typeof m.withRun> = [];
    for (let i = 1; i <= 11; i++) rows = m.withRun(rows, row(`d${i}`, 'grid', i));
    expect(rows.map((r) => r.graph)).toEqual(['d11', 'd10', 'd9', 'd8', 'd7', 'd6', 'd5', 'd4']);
  });

  test('runRow takes mAP, ms, form and image count from the map event', () => {
    const event: MapEvent = { type: 'map', classNames: ['a'], perClass: [0.8], map: 0.8, msPerImage: 5.5, form: 'two-stage', images: 123 };
    expect(m.runRow(event, 'Two-stage', shapes, 'cpu', 77)).toEqual({ at: 77, graph: 'Two-stage', form: 'two-stage', data: shapes, map: 0.8, msPerImage: 5.5, backend: 'cpu', images: 123 });
    expect(m.runRow({ ...event, msPerImage: undefined }, 'x', shapes, 'cpu', 1).msPerImage).toBeNull();
  });
});

describe('the store', () => {
  test('add marks the current row and persists the rows (not the mark) under netloom.detector-runs', () => {
    const s = m.useDetectorRuns;
    s.getState().add(row('ssd', 'rows', 10, 0.9));
    s.getState().add(row('grid', 'grid', 11, 0.8));
    s.getState().add(row('ssd', 'rows', 12, 0.95));
    expect(s.getState().current).toBe(12);
    expect(s.getState().rows.map((r) => r.at)).toEqual([12, 11]);
    const saved = JSON.parse(stored.get(m.STORAGE_KEY)!) as { state: { rows: { at: number }[]; current?: number }; version: number };
    expect(saved.version).toBe(1);
    expect(saved.state.rows.map((r) => r.at)).toEqual([12, 11]);
    expect(saved.state.current).toBeUndefined();
  });

  test('after a reload: rows read back, malformed ones dropped; clear empties storage too', async () => {
    const good = row('frcnn', 'two-stage', 20, 0.99);
    stored.set(m.STORAGE_KEY, JSON.stringify({ state: { rows: [good, { ...good, form: 'mask' }, { at: 'x' }, null] }, version: 1 }));
    await m.useDetectorRuns.persist.rehydrate();
    expect(m.useDetectorRuns.getState().rows).toEqual([good]);
    m.useDetectorRuns.getState().clear();
    expect(m.useDetectorRuns.getState().rows).toEqual([]);
    expect(JSON.parse(stored.get(m.STORAGE_KEY)!).state.rows).toEqual([]);
  });

  test('storage that refuses to write (full, blocked) leaves the rows to this page, without an error', () => {
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => m.useDetectorRuns.getState().add(row('grid', 'grid', 30))).not.toThrow();
    expect(m.useDetectorRuns.getState().rows.map((r) => r.at)).toEqual([30]);
    expect(setItem).toHaveBeenCalled();
    setItem.mockRestore();
  });
});
