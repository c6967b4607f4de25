/**
 * Synthetic heartbeats, shaped like ECG5000 (one beat per sample, 140
 * values, each series z-normalised), for the anomaly preset to train
 * offline. Class 0 "normal": P wave, QRS complex, T wave with small random
 * changes of timing, height and width, baseline wander and noise.
 * Class 1 "abnormal": one of four kinds — inverted T with ST elevation, a
 * wide ventricular (PVC-like) beat without P, a premature beat (complex
 * early, long pause), or fibrillation-like waves without P. Seeded and
 * deterministic.
 */
import type { Dataset, DatasetSplit } from '../dataset.ts';
import { subset } from '../dataset.ts';
import { gaussian, makeRng, uniform, type Rng } from '../random.ts';
import { fail, ok, type DataResult } from '../result.ts';
import { text } from '../../i18n/text.ts';
import { stratifiedSplit } from '../split.ts';

export const HEARTBEAT_LENGTH = 140;
/** Class indices: the anomaly task trains on NORMAL only and flags the rest. */
export const HEARTBEAT_NORMAL = 0;
export const HEARTBEAT_ABNORMAL = 1;
export const HEARTBEAT_CLASSES = ['normal', 'abnormal'] as const;
export const ABNORMAL_KINDS = ['st-elevation', 'ventricular', 'premature', 'fibrillation'] as const;

export interface HeartbeatOptions {
  /** Samples in all (default 5,000 like ECG5000). */
  count?: number;
  /** Share of abnormal beats (default 0.4; ECG5000 has about 0.42). */
  abnormalFraction?: number;
  seed?: number;
}

interface Wave {
  at: number; // centre, 0–1 of the window
  amp: number;
  width: number; // Gaussian sigma, 0–1 of the window
}

const NORMAL: Record<'p' | 'q' | 'r' | 's' | 't', Wave> = {
  p: { at: 0.2, amp: 0.16, width: 0.025 },
  q: { at: 0.31, amp: -0.14, width: 0.009 },
  r: { at: 0.34, amp: 1.0, width: 0.011 },
  s: { at: 0.37, amp: -0.28, width: 0.011 },
  t: { at: 0.62, amp: 0.32, width: 0.05 },
};

/** One beat; `kind` is -1 for normal, else an index into ABNORMAL_KINDS. */
export function heartbeat(rng: Rng, kind: number, out: Float32Array = new Float32Array(HEARTBEAT_LENGTH)): Float32Array {
  const jitter = (w: Wave, shift: number): Wave => ({
    at: w.at + shift + 0.004 * gaussian(rng),
    amp: w.amp * (1 + 0.08 * gaussian(rng)),
    width: w.width * (1 + 0.08 * gaussian(rng)),
  });
  const shift = 0.012 * gaussian(rng);
  const w = { p: jitter(NORMAL.p, shift), q: jitter(NORMAL.q, shift), r: jitter(NORMAL.r, shift), s: jitter(NORMAL.s, shift), t: jitter(NORMAL.t, shift) };
  let waves: Wave[] = [w.p, w.q, w.r, w.s, w.t];
  let extra: (t: number) => number = () => 0;
  switch (ABNORMAL_KINDS[kind]) {
    case 'st-elevation': {
      const lift = uniform(rng, 0.18, 0.3);
      waves = [w.p, w.q, w.r, w.s, { ...w.t, amp: -Math.abs(w.t.amp) * uniform(rng, 0.8, 1.3) }];
      extra = (t) => lift * smoothStep(t, w.s.at + 0.02, 0.015) * (1 - smoothStep(t, w.t.at + 0.08, 0.03));
      break;
    }
    case 'ventricular':
      waves = [
        { at: w.r.at + 0.01, amp: uniform(rng, 1.1, 1.4), width: uniform(rng, 0.03, 0.045) },
        { at: w.s.at + 0.06, amp: uniform(rng, -0.7, -0.45), width: 0.03 },
        { ...w.t, at: w.t.at + 0.03, amp: -Math.abs(w.t.amp) * uniform(rng, 1.0, 1.6), width: w.t.width * 1.3 },
      ];
      break;
    case 'premature': {
      const early = uniform(rng, 0.1, 0.16);
      waves = [w.q, w.r, w.s, w.t].map((v) => ({ ...v, at: v.at - early }));
      waves.push({ ...w.p, at: w.p.at + 0.7, amp: w.p.amp * 0.8 }); // next beat's P arrives inside the window
      break;
    }
    case 'fibrillation': {
      const f1 = uniform(rng, 5, 9);
      const f2 = uniform(rng, 9, 14);
      const p1 = uniform(rng, 0, 2 * Math.PI);
      const p2 = uniform(rng, 0, 2 * Math.PI);
      const a = uniform(rng, 0.08, 0.14);
      waves = [w.q, w.r, w.s, { ...w.t, amp: w.t.amp * 0.6 }];
      extra = (t) => a * (Math.sin(2 * Math.PI * f1 * t + p1) + 0.7 * Math.sin(2 * Math.PI * f2 * t + p2));
      break;
    }
    default:
      break;
  }
  const wanderAmp = 0.04 * rng();
  const wanderPhase = uniform(rng, 0, 2 * Math.PI);
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    let v = extra(t) + wanderAmp * Math.sin(2 * Math.PI * 0.7 * t + wanderPhase) + 0.015 * gaussian(rng);
    for (const g of waves) v += g.amp * Math.exp(-0.5 * ((t - g.at) / g.width) ** 2);
    out[i] = v;
  }
  return zNormalise(out);
}

const smoothStep = (t: number, at: number, width: number) => 1 / (1 + Math.exp(-(t - at) / width));

function zNormalise(a: Float32Array): Float32Array {
  let mean = 0;
  for (const v of a) mean += v;
  mean /= a.length;
  let sq = 0;
  for (const v of a) sq += (v - mean) ** 2;
  const std = Math.sqrt(sq / a.length) || 1;
  for (let i = 0; i < a.length; i++) a[i] = (a[i]! - mean) / std;
  return a;
}

/** `count` beats, normal and abnormal interleaved at random (class 0 normal, 1 abnormal). */
export function makeHeartbeats(options: HeartbeatOptions = {}): DataResult<Dataset> {
  const count = options.count ?? 5000;
  const frac = options.abnormalFraction ?? 0.4;
  const seed = options.seed ?? 5000;
  if (!Number.isInteger(count) || count < 2 || count > 1_000_000) return fail('bad-option', text('data.option.whole', { name: 'count', lo: 2, hi: 1_000_000, got: String(count) }));
  if (!(frac > 0 && frac < 1)) return fail('bad-option', text('data.option.fraction', { name: 'abnormalFraction', got: String(frac) }));
  const rng = makeRng(seed);
  const x = new Float32Array(count * HEARTBEAT_LENGTH);
  const y = new Int32Array(count);
  const abnormal = Math.round(count * frac);
  const labels: number[] = Array.from({ length: count }, (_, i) => (i < abnormal ? HEARTBEAT_ABNORMAL : HEARTBEAT_NORMAL));
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [labels[i], labels[j]] = [labels[j]!, labels[i]!];
  }
  for (let i = 0; i < count; i++) {
    y[i] = labels[i]!;
    const kind = y[i] === HEARTBEAT_NORMAL ? -1 : Math.floor(rng() * ABNORMAL_KINDS.length);
    heartbeat(rng, kind, x.subarray(i * HEARTBEAT_LENGTH, (i + 1) * HEARTBEAT_LENGTH));
  }
  return ok({ shape: [HEARTBEAT_LENGTH], count, x, y, classNames: [...HEARTBEAT_CLASSES] });
}

/** The heartbeat set split 80/20, stratified (the anomaly task then keeps train's normal beats). */
export function makeHeartbeatSplit(options: HeartbeatOptions & { testFraction?: number } = {}): DataResult<DatasetSplit> {
  const all = makeHeartbeats(options);
  if (!all.ok) return all;
  const s = stratifiedSplit(all.value.y!, options.testFraction ?? 0.2, (options.seed ?? 5000) + 1);
  return ok({ train: subset(all.value, s.train), test: subset(all.value, s.test) });
}
