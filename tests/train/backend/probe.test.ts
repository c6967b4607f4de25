/**
 * The "auto" probe's choice and its fallbacks (probe.ts), with fake backends
 * on a fake clock: the fastest backend whose gradients match cpu's wins; a
 * faster one with wrong gradients, one that cannot start and one lacking a
 * kernel are passed over with their reasons; a backend whose first step
 * already exceeds the budget is not stepped again.
 */
import { describe, expect, test } from 'vitest';
import { gradientError, probeBackends, type ProbeRunner } from '../../../src/train/backend/probe.ts';
import type { BackendName } from '../../../src/train/backend/select.ts';
import { text } from '../../../src/i18n/text.ts';

interface Fake {
  stepMs: number;
  firstStepMs?: number;
  grads?: Float32Array[];
  initFails?: boolean;
  missing?: boolean;
  /** Its first step never comes back (a GPU still compiling). */
  hangs?: boolean;
  /** Its gradients come back only when this promise resolves. */
  gradsAfter?: Promise<void>;
}

/** The limit passes as soon as the work in flight has had its turn (a macrotask later). */
const soon = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const TRUE = [Float32Array.from([1, -2, 3]), Float32Array.from([0.5])];

function fakeRunner(backends: Partial<Record<BackendName, Fake>>) {
  let clock = 0;
  let active: BackendName | null = null;
  const steps: Record<string, number> = {};
  const runner: ProbeRunner = {
    async activate(name) {
      if (backends[name]?.initFails) return text('train.backend.init-failed');
      active = name;
      return null;
    },
    missing: (name) => (backends[name]?.missing ? text('train.backend.no-wasm') : null),
    async gradients() {
      const f = backends[active!];
      await f?.gradsAfter;
      return f?.grads ?? TRUE;
    },
    async step() {
      const f = backends[active!]!;
      if (f.hangs) return new Promise<void>(() => {});
      const n = (steps[active!] = (steps[active!] ?? 0) + 1);
      clock += n === 1 && f.firstStepMs !== undefined ? f.firstStepMs : f.stepMs;
    },
    now: () => clock,
  };
  return { runner, steps };
}

describe('probeBackends', () => {
  test('keeps the fastest, lists every measurement fastest first', async () => {
    const { runner } = fakeRunner({ cpu: { stepMs: 900 }, webgpu: { stepMs: 38, firstStepMs: 2000 }, webgl: { stepMs: 120 }, wasm: { stepMs: 95 } });
    const r = await probeBackends(['webgpu', 'webgl', 'wasm'], runner, { budgetMs: 5000, timer: soon });
    expect(r.chosen).toBe('webgpu');
    expect(r.measured.map((m) => [m.backend, m.msPerBatch])).toEqual([
      ['webgpu', 38],
      ['wasm', 95],
      ['webgl', 120],
    ]);
    expect(r.rejected).toEqual([]);
  });

  test('a faster backend with wrong gradients is never picked; the reason names the error', async () => {
    const wrong = [Float32Array.from([1, -2, 4]), Float32Array.from([0.5])]; // one value off by 1 of 3
    const { runner } = fakeRunner({ cpu: { stepMs: 900 }, webgl: { stepMs: 10, grads: wrong }, wasm: { stepMs: 95 } });
    const r = await probeBackends(['webgl', 'wasm'], runner, { timer: soon });
    expect(r.chosen).toBe('wasm');
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ backend: 'webgl', reason: 'its gradients differ from cpu’s by 0.33 of their size' });
  });

  test('NaN gradients are wrong gradients', async () => {
    const { runner } = fakeRunner({ cpu: { stepMs: 900 }, webgl: { stepMs: 10, grads: [Float32Array.from([NaN, -2, 3]), Float32Array.from([0.5])] }, wasm: { stepMs: 95 } });
    expect((await probeBackends(['webgl', 'wasm'], runner, { timer: soon })).chosen).toBe('wasm');
  });

  test('backends that cannot start or lack a kernel are passed over with their reasons', async () => {
    const { runner } = fakeRunner({ cpu: { stepMs: 900 }, webgpu: { stepMs: 1, initFails: true }, webgl: { stepMs: 2, missing: true }, wasm: { stepMs: 95 } });
    const r = await probeBackends(['webgpu', 'webgl', 'wasm'], runner, { timer: soon });
    expect(r.chosen).toBe('wasm');
    expect(r.rejected.map((s) => [s.backend, s.reason])).toEqual([
      ['webgpu', 'initialisation failed'],
      ['webgl', 'this environment has no WebAssembly'],
    ]);
  });

  test('bounded: a first step over the budget is the measurement, and no second step runs', async () => {
    const { runner, steps } = fakeRunner({ cpu: { stepMs: 900 }, webgl: { stepMs: 40, firstStepMs: 9000 }, wasm: { stepMs: 95 } });
    const r = await probeBackends(['webgl', 'wasm'], runner, { budgetMs: 3000, steps: 3, timer: soon });
    expect(r.chosen).toBe('wasm');
    expect(r.measured.find((m) => m.backend === 'webgl')!.msPerBatch).toBe(9000);
    expect(steps).toEqual({ webgl: 1, wasm: 4 });
  });

  test('bounded: a backend still busy after the limit is passed over as too slow, and not waited for', async () => {
    const { runner } = fakeRunner({ cpu: { stepMs: 900 }, wasm: { stepMs: 95 }, webgpu: { stepMs: 1, hangs: true } });
    const r = await probeBackends(['wasm', 'webgpu'], runner, { budgetMs: 5000, timer: soon });
    expect(r.chosen).toBe('wasm');
    expect(r.rejected.map((s) => [s.backend, s.reason])).toEqual([['webgpu', 'one batch took longer than 5 s']]);
  });

  test('a backend whose gradient check comes back after the limit takes no step later (on whatever is active by then)', async () => {
    let release!: () => void;
    const late = new Promise<void>((resolve) => (release = resolve));
    const { runner, steps } = fakeRunner({ cpu: { stepMs: 900 }, wasm: { stepMs: 95 }, webgpu: { stepMs: 1, gradsAfter: late } });
    const r = await probeBackends(['webgpu', 'wasm'], runner, { budgetMs: 5000, timer: soon });
    expect(r.chosen).toBe('wasm');
    expect(r.rejected.map((s) => s.backend)).toEqual(['webgpu']);
    const before = { ...steps };
    release();
    await soon();
    expect(steps).toEqual(before);
    expect(steps.webgpu).toBeUndefined();
  });

  test('no candidate measured: no choice (the caller falls back to the fixed order)', async () => {
    const { runner } = fakeRunner({ cpu: { stepMs: 900 }, webgl: { stepMs: 2, initFails: true } });
    const r = await probeBackends(['webgl'], runner, { timer: soon });
    expect(r.chosen).toBeNull();
    expect(r.measured).toEqual([]);
  });
});

describe('gradientError', () => {
  test('relative to the largest reference value, worst weight wins', () => {
    expect(gradientError(TRUE, TRUE)).toBe(0);
    expect(gradientError(TRUE, [Float32Array.from([1, -2, 3]), Float32Array.from([0.25])])).toBe(0.5);
    expect(gradientError(TRUE, [TRUE[0]!])).toBe(Infinity);
  });
});

describe('the real runner on a CNN (wasm against cpu, in Node)', () => {
  const cnn = {
    format: 'netloom.graph' as const,
    version: 1 as const,
    name: 'probe-cnn',
    nodes: [
      { id: 'x', kind: 'Input', params: { shape: [12, 12, 1] } },
      { id: 'c', kind: 'Conv2D', params: { filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' } },
      { id: 'n', kind: 'BatchNormalization', params: {} },
      { id: 'p', kind: 'MaxPooling2D', params: {} },
      { id: 'f', kind: 'Flatten', params: {} },
      { id: 'd', kind: 'Dense', params: { units: 3, activation: 'softmax' } },
    ],
    edges: ['c', 'n', 'p', 'f', 'd'].map((t, i) => ({ id: `e${i}`, source: ['x', 'c', 'n', 'p', 'f'][i]!, target: t })),
  };

  test('wasm computes cpu’s gradients and gets a time per batch; Node probes nothing else', async () => {
    const tf = await import('@tensorflow/tfjs');
    const { selectNodeBackend } = await import('../../../src/train/backend/select-node.ts');
    const { modelRunner } = await import('../../../src/train/backend/probe-runner.ts');
    const { analyze } = await import('../../../src/analysis/analyze.ts');
    const settings = { batchSize: 8, optimizer: 'adam' as const, learningRate: 0.001 };
    // In Node only wasm can start: no race; the report says why webgpu and webgl were not measured.
    const report = await selectNodeBackend(tf, { doc: cnn, probe: { settings } });
    expect(report.active).toBe('wasm');
    expect(report.probe).toBeUndefined();
    expect(report.skipped.map((s) => [s.backend, s.reason])).toEqual([
      ['webgpu', 'Node has no WebGPU'],
      ['webgl', 'Node has no WebGL'],
    ]);
    const runner = (await modelRunner(tf, cnn, analyze(cnn), settings, async (name) => ((await tf.setBackend(name)) ? null : { key: 'train.backend.init-failed', values: {} })))!;
    try {
      const r = await probeBackends(['wasm', 'cpu'], { ...runner, missing: () => null }, { steps: 2 });
      expect(r.rejected).toEqual([]);
      expect(r.measured.map((m) => m.backend).sort()).toEqual(['cpu', 'wasm']);
      for (const m of r.measured) {
        expect(m.gradError).toBeLessThan(1e-4);
        expect(m.msPerBatch).toBeGreaterThan(0);
      }
      expect(tf.memory().numTensors).toBeLessThan(200);
    } finally {
      runner.dispose();
    }
  });
});
