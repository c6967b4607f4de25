/**
 * What the node kinds say about themselves beyond shapes (their specs'
 * `keras`, `code`, `paddingNumber`, `weightShapes`, `kernels`) is
 * consistent: everything else in netloom reads these facts instead of
 * keeping its own list per kind, so a fact that contradicts a kind's layers
 * would go wrong in places far from the kind's file.
 */
import { describe, expect, test } from 'vitest';
import { NODE_KINDS, NODE_SPECS, getSpec } from '../../src/nodes/index.ts';
import type { AnyNodeSpec, LayerCall } from '../../src/nodes/spec.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { kindFor } from '../../src/import/layer-kinds.ts';
import { paramKeys } from '../../src/analysis/param-keys.ts';
import { conformanceGraphs } from '../codegen/corpus.ts';

const layerKinds = NODE_SPECS.filter((s) => !['input', 'output', 'composite'].includes(s.category));
const conformance = conformanceGraphs();
const casesOf = (spec: AnyNodeSpec) => conformance.filter((e) => e.doc.nodes.at(-1)!.kind === spec.kind);

/** The layer calls of every valid conformance case of a kind. */
function callsOf(spec: AnyNodeSpec): LayerCall[] {
  return casesOf(spec).flatMap((e) => {
    const na = analyze(e.doc).nodes.get('n')!;
    return spec.layers(na.params!, na.inputs);
  });
}

describe('every layer class a kind compiles to is a kind itself (per-class facts live in that kind)', () => {
  test.each(layerKinds.map((s) => [s.kind, s] as const))('%s', (_kind, spec) => {
    const classes = new Set(callsOf(spec).map((c) => c.className));
    expect(classes.size).toBeGreaterThan(0);
    for (const c of classes) expect(NODE_KINDS, c).toContain(c);
    // The main layer (no suffix) has the kind's own class.
    for (const c of callsOf(spec).filter((c) => !c.suffix)) expect(c.className).toBe(spec.kind);
  });
});

describe('paddingNumber says how a padding number compiles', () => {
  test.each(layerKinds.filter((s) => paramKeys(s).includes('padding') && s.kind !== 'ZeroPadding2D').map((s) => [s.kind, s] as const))('%s', (_kind, spec) => {
    const base = spec.conformance.params.find((p) => spec.params.safeParse({ ...p, padding: 2 }).success)!;
    const calls = spec.layers(spec.params.parse({ ...base, padding: 2 }), [[16, 16, 3]]);
    const helper = calls.find((c) => c.suffix);
    const said = spec.paddingNumber;
    if (said === 'pad') expect([calls[0]!.suffix, calls[0]!.className]).toEqual(['_pad', 'ZeroPadding2D']);
    else if (said === 'crop') expect([calls.at(-1)!.suffix, calls.at(-1)!.className]).toEqual(['_crop', 'Cropping2D']);
    else expect(helper).toBeUndefined();
  });

  test('kinds without a padding param declare none', () => {
    for (const s of NODE_SPECS) if (!paramKeys(s).includes('padding')) expect(s.paddingNumber, s.kind).toBeUndefined();
  });
});

describe('Keras names', () => {
  test('an alias names one kind, never a kind of its own, and import reads it as that kind', () => {
    const seen = new Map<string, string>();
    for (const s of NODE_SPECS) {
      for (const a of s.keras?.aliases ?? []) {
        expect(seen.get(a), `${a} is an alias of ${seen.get(a)} and ${s.kind}`).toBeUndefined();
        expect(getSpec(a), `${a} is a kind`).toBeUndefined();
        seen.set(a, s.kind);
        expect(kindFor(a)).toBe(s.kind);
      }
    }
    expect(kindFor('InputLayer')).toBe('Input');
    expect(kindFor('Input')).toBeUndefined(); // not a Keras layer class
  });

  test('keras.args renames only params the kind has, to names no other param of it has', () => {
    for (const s of NODE_SPECS) {
      const keys = paramKeys(s);
      const snake = keys.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
      for (const [param, keras] of Object.entries(s.keras?.args ?? {})) {
        expect(keys, s.kind).toContain(param);
        expect(snake, `${s.kind}.${param} → ${keras}`).not.toContain(keras);
      }
    }
  });

  test('code.keep names params the kind has', () => {
    for (const s of NODE_SPECS) for (const k of s.code?.keep ?? []) expect(paramKeys(s), s.kind).toContain(k);
  });
});

describe('weights and kernels', () => {
  test.each(layerKinds.map((s) => [s.kind, s] as const))('%s: weightShapes add up to what analysis counts', (_kind, spec) => {
    for (const e of casesOf(spec)) {
      const na = analyze(e.doc).nodes.get('n')!;
      const shapes = spec.weightShapes?.(na.params!, na.inputs) ?? [];
      const count = shapes.reduce((a, [, s]) => a + s.reduce<number>((p, d) => p * (d ?? NaN), 1), 0);
      expect(count, e.name).toBe(na.weights.trainable + na.weights.nonTrainable);
    }
  });
});
