/**
 * The convolution animation's geometry is the layer's: for thousands of
 * random sizes, windows, strides, dilations and paddings, the animation's
 * output size equals the node's inferred shape (the formula shown above it)
 * and its unread tail equals the formula's dropped rows; and for hundreds
 * more, the cells each window reads (or each transposed stamp covers) are
 * exactly those tfjs's conv2d / conv2dTranspose connect, found by running
 * tfjs on one-hot inputs with a kernel of ones.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSpec, NODE_SPECS } from '../../src/nodes/index.ts';
import { frameCount, overlap, planFor, readMask, slideAxis, stampAxis, stamps, taps, unreadTail, type PadSpec, type SlideAxis, type StampAxis } from '../../src/ui/inspect/conv-plan.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const padArb: fc.Arbitrary<PadSpec> = fc.oneof(fc.constant('valid' as const), fc.constant('same' as const), fc.integer({ min: 0, max: 3 }));

function infer(kind: string, params: Record<string, unknown>, shape: number[]) {
  const spec = getSpec(kind)!;
  const parsed = spec.params.safeParse(params);
  if (!parsed.success) return null;
  const r = spec.infer([shape], parsed.data);
  return { parsed: parsed.data as Record<string, unknown>, r };
}

describe('the animation matches the output-size formula', () => {
  it('Conv2D (with dilation), pooling: output size and the rows the floor drops', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        padArb,
        fc.constantFrom('Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'SeparableConv2D'),
        (h, w, k, s, d, padding, kind) => {
          const pool = kind.endsWith('Pooling2D');
          const dil = pool || s > 1 ? 1 : d;
          const params = pool ? { poolSize: k, strides: s, padding } : { filters: 2, kernelSize: k, strides: s, padding, dilationRate: dil };
          const got = infer(kind, params, [h, w, 3]);
          if (!got || !got.r.outputs.length || got.r.diagnostics?.some((x) => x.severity === 'error')) return;
          const [oh, ow] = got.r.outputs[0]!;
          const plan = planFor(kind, got.parsed, [h, w, 3])!;
          expect(plan).not.toBeNull();
          expect([plan.rows.out, plan.cols.out]).toEqual([oh, ow]);
          expect(frameCount(plan)).toBe(oh! * ow!);
          for (const [axis, f] of [
            [plan.rows as SlideAxis, got.r.formulas!.find((x) => x.axis === 'height')!],
            [plan.cols as SlideAxis, got.r.formulas!.find((x) => x.axis === 'width')!],
          ] as const) {
            // Every window lies on the padded axis, one stride apart.
            for (let o = 0; o < axis.out; o++) {
              const t = taps(axis, o);
              expect(t[0]).toBeGreaterThanOrEqual(-axis.before);
              expect(t.at(-1)!).toBeLessThan(axis.n + axis.after);
              if (o) expect(t[0]! - taps(axis, o - 1)[0]!).toBe(axis.s);
            }
            if (padding === 'same') expect(unreadTail(axis)).toBeLessThan(axis.s);
            else expect(unreadTail(axis)).toBe(f.dropped);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('Conv2DTranspose, ZeroPadding2D, Cropping2D: output size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), padArb, (n, k, s, padding) => {
        const got = infer('Conv2DTranspose', { filters: 2, kernelSize: k, strides: s, padding }, [n, n, 2]);
        if (!got || !got.r.outputs.length) return;
        const plan = planFor('Conv2DTranspose', got.parsed, [n, n, 2])!;
        expect(plan.rows.out).toBe(got.r.outputs[0]![0]);
        expect(frameCount(plan)).toBe(n * n);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.integer({ min: 2, max: 20 }), fc.tuple(fc.nat(4), fc.nat(4), fc.nat(4), fc.nat(4)), fc.boolean(), (h, w, [t, b, l, r], pad) => {
        const kind = pad ? 'ZeroPadding2D' : 'Cropping2D';
        const got = infer(kind, pad ? { padding: [[t, b], [l, r]] } : { cropping: [[t, b], [l, r]] }, [h, w, 1]);
        if (!got || !got.r.outputs.length || got.r.diagnostics?.some((x) => x.severity === 'error')) return;
        const plan = planFor(kind, got.parsed, [h, w, 1]);
        if (!plan) return;
        expect([plan.rows.out, plan.cols.out]).toEqual(got.r.outputs[0]!.slice(0, 2));
        // A crop never reads the cells it removes; padding reads every input cell.
        const unread = readMask(plan.rows as SlideAxis).filter((x) => !x).length;
        expect(unread).toBe(pad ? 0 : t + b);
      }),
      { numRuns: 1000 },
    );
  });

  it('every kind with a grid motion: its conformance cases animate to the size it infers', () => {
    const kinds = NODE_SPECS.filter((s) => s.inside?.grid);
    expect(kinds.length).toBeGreaterThanOrEqual(8);
    for (const spec of kinds) {
      let checked = 0;
      for (const inputs of spec.conformance.inputs) {
        const x = inputs[0]!;
        if (x.length !== 3 || x.some((v) => v === null || v > 20)) continue;
        for (const params of spec.conformance.params) {
          const got = infer(spec.kind, params, x as number[]);
          if (!got || !got.r.outputs.length || got.r.diagnostics?.some((d) => d.severity === 'error')) continue;
          const plan = planFor(spec.kind, got.parsed, x);
          expect(plan, `${spec.kind} ${JSON.stringify(params)} on ${JSON.stringify(x)}`).not.toBeNull();
          expect([plan!.rows.out, plan!.cols.out], `${spec.kind} ${JSON.stringify(params)} on ${JSON.stringify(x)}`).toEqual(got.r.outputs[0]!.slice(0, 2));
          checked++;
        }
      }
      expect(checked, spec.kind).toBeGreaterThan(0);
    }
  });

  it('a huge map is drawn 20 cells a side with the user’s window, and says from what size', () => {
    const got = infer('Conv2D', { filters: 8, kernelSize: 3, strides: 2, padding: 'same' }, [224, 224, 3])!;
    const plan = planFor('Conv2D', got.parsed, [224, 224, 3])!;
    expect(plan.scaledFrom).toEqual([224, 224]);
    expect([plan.rows.n, (plan.rows as SlideAxis).k, (plan.rows as SlideAxis).s]).toEqual([20, 3, 2]);
    const crop = infer('Cropping2D', { cropping: 88 }, [568, 568, 64])!;
    const cp = planFor('Cropping2D', crop.parsed, [568, 568, 64])!;
    expect(cp.rows.out).toBeGreaterThan(0);
    expect(cp.scaledFrom).toEqual([568, 568]);
  });
});

/** Which input cells each output cell reads, by running tfjs: input j is a one-hot at cell j, the kernel all ones. */
function tfjsReads(n: number, k: number, s: number, pad: PadSpec, d: number): number[][] {
  return tf.tidy(() => {
    let x: tf.Tensor4D = tf.eye(n).reshape([n, 1, n, 1]);
    let mode: 'valid' | 'same' = pad === 'same' ? 'same' : 'valid';
    if (typeof pad === 'number') {
      x = tf.pad(x, [[0, 0], [0, 0], [pad, pad], [0, 0]]);
      mode = 'valid';
    }
    const y = tf.conv2d(x, tf.ones([1, k, 1, 1]) as tf.Tensor4D, [1, s], mode, 'NHWC', [1, d]);
    const v = y.arraySync() as number[][][][];
    const out = v[0]![0]!.length;
    return Array.from({ length: out }, (_, o) => v.flatMap((row, j) => (row[0]![o]![0]! > 0.5 ? [j] : [])));
  });
}

/** Which output cells each input cell's stamp covers in tfjs's conv2dTranspose. */
function tfjsStamps(n: number, k: number, s: number, pad: PadSpec, out: number): number[][] {
  return tf.tidy(() => {
    const x = tf.eye(n).reshape([n, 1, n, 1]) as tf.Tensor4D;
    const mode: 'valid' | 'same' = pad === 'same' ? 'same' : 'valid';
    const full = mode === 'same' ? out : n * s + Math.max(k - s, 0);
    let y = tf.conv2dTranspose(x, tf.ones([1, k, 1, 1]) as tf.Tensor4D, [n, 1, full, 1], [1, s], mode);
    if (typeof pad === 'number' && pad > 0) y = y.slice([0, 0, pad, 0], [n, 1, out, 1]);
    const v = y.arraySync() as number[][][][];
    return v.map((row) => row[0]!.flatMap((c, o) => (c[0]! > 0.5 ? [o] : [])));
  });
}

describe('the animation reads what tfjs reads', () => {
  it('conv2d: each output cell’s window covers exactly the input cells tfjs connects to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), padArb, (n, k, s, d0, pad) => {
        const d = s > 1 ? 1 : d0; // tfjs: strides and dilation cannot both exceed 1
        const a: SlideAxis = slideAxis(n, k, s, pad, d);
        if (a.out <= 0) return;
        const want = tfjsReads(n, k, s, pad, d);
        expect(want.length).toBe(a.out);
        for (let o = 0; o < a.out; o++) expect(taps(a, o).filter((c) => c >= 0 && c < n)).toEqual(want[o]);
      }),
      { numRuns: 300 },
    );
  });

  it('conv2dTranspose: each input cell stamps exactly the output cells tfjs adds it to, overlaps counted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), padArb, (n, k, s, pad) => {
        const a: StampAxis = stampAxis(n, k, s, pad);
        if (a.out <= 0) return;
        const want = tfjsStamps(n, k, s, pad, a.out);
        for (let i = 0; i < n; i++) expect(stamps(a, i)).toEqual(want[i]);
        const counts = overlap(a);
        for (let o = 0; o < a.out; o++) expect(counts[o]).toBe(want.filter((row) => row.includes(o)).length);
      }),
      { numRuns: 300 },
    );
  });
});
