import { describe, expect, test } from 'vitest';
import { subset } from '../../src/data/dataset.ts';
import { applyScaler, fitScaler } from '../../src/data/scaling.ts';
import { HEARTBEAT_ABNORMAL, HEARTBEAT_NORMAL, makeHeartbeats, makeHeartbeatSplit } from '../../src/data/synthetic/heartbeats.ts';

const L = 140;

describe('synthetic heartbeats', () => {
  test('ECG5000-like: 140 values per beat, each z-normalised, normal = 0 and abnormal = 1 in the asked share', () => {
    const r = makeHeartbeats({ count: 1000, abnormalFraction: 0.3, seed: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.value;
    expect(d.shape).toEqual([L]);
    expect(d.classNames).toEqual(['normal', 'abnormal']);
    expect(d.y!.filter((v) => v === HEARTBEAT_ABNORMAL).length).toBe(300);
    for (let i = 0; i < 1000; i += 97) {
      const s = Array.from(d.x.subarray(i * L, (i + 1) * L));
      const mean = s.reduce((a, b) => a + b) / L;
      expect(mean).toBeCloseTo(0, 4);
      expect(Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / L)).toBeCloseTo(1, 4);
    }
  });

  test('deterministic by seed', () => {
    const a = makeHeartbeats({ count: 200, seed: 9 });
    const b = makeHeartbeats({ count: 200, seed: 9 });
    const c = makeHeartbeats({ count: 200, seed: 10 });
    expect(a.ok && b.ok && a.value.x).toEqual(b.ok && b.value.x);
    expect(a.ok && c.ok && a.value.x).not.toEqual(c.ok && c.value.x);
  });

  test('the default split is 4,000 / 1,000, stratified', () => {
    const s = makeHeartbeatSplit();
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect([s.value.train.count, s.value.test.count]).toEqual([4000, 1000]);
    expect(s.value.test.y!.filter((v) => v === HEARTBEAT_ABNORMAL).length).toBe(400);
  });

  test('learnable: even a mean-template detector fitted on normal training beats finds the abnormal test beats', () => {
    const s = makeHeartbeatSplit();
    if (!s.ok) throw new Error(s.error.message);
    const { train, test: held } = s.value;
    const normal = subset(train, [...train.y!.keys()].filter((i) => train.y![i] === HEARTBEAT_NORMAL));
    const p = fitScaler('minmax', normal.x, L, 'all');
    const tx = applyScaler(p, normal.x);
    const hx = applyScaler(p, held.x);
    const mean = new Float64Array(L);
    tx.forEach((v, i) => (mean[i % L]! += v / normal.count));
    const mae = (x: Float32Array, i: number) => x.subarray(i * L, (i + 1) * L).reduce((a, v, k) => a + Math.abs(v - mean[k]!), 0) / L;
    const errs = Array.from({ length: normal.count }, (_, i) => mae(tx, i));
    const m = errs.reduce((a, b) => a + b) / errs.length;
    const threshold = m + Math.sqrt(errs.reduce((a, b) => a + (b - m) ** 2, 0) / errs.length); // mean + 1·std, as the anomaly task does
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < held.count; i++) {
      const flagged = mae(hx, i) > threshold;
      const abnormal = held.y![i] === HEARTBEAT_ABNORMAL;
      if (flagged && abnormal) tp++;
      else if (flagged) fp++;
      else if (abnormal) fn++;
    }
    expect(tp / (tp + fn)).toBeGreaterThan(0.95); // recall
    expect(tp / (tp + fp)).toBeGreaterThan(0.75); // precision (an autoencoder does better)
  });

  test('bad options are errors, not throws', () => {
    expect(makeHeartbeats({ count: 0 })).toMatchObject({ ok: false, error: { code: 'bad-option', message: 'count must be a whole number from 2 to 1,000,000, got 0' } });
    expect(makeHeartbeats({ abnormalFraction: 1 })).toMatchObject({ ok: false, error: { code: 'bad-option' } });
  });
});
