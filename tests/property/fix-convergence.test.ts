/**
 * One-click fixes converge. On generated image graphs with skips into Add,
 * Multiply, Average, Maximum and Concatenate (random sizes, strides,
 * paddings, up- and down-sampling, the user's own ZeroPadding2D), clicking
 * the first offered fix again and again:
 *
 * - reaches a valid graph within a bound, never coming back to a graph it
 *   has already been (no endless cycle);
 * - never leaves an error without a fix (every error these graphs can have
 *   has one, and every fix applies);
 * - changes only the inputs of the node the fix is for and of what lies
 *   downstream of it: another reader of the same tensor sees what it saw;
 * - never stacks a crop or pad on another one read only by it;
 * - and when a conv's padding is flipped and then flipped back, the crops and
 *   pads the fixes inserted come out again: the graph is the one we started
 *   from.
 *
 * Pure: analysis and commands only, no tfjs. NETLOOM_PROP_SEED replays a run.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { Analysis, Diagnostic } from '../../src/analysis/types.ts';
import { applyFix, setParams } from '../../src/graph/commands.ts';
import { english } from '../../src/i18n/text.ts';
import type { GraphDoc, GraphEdge, GraphNode } from '../../src/graph/schema.ts';
import { toEdges4, type Edges2D } from '../../src/nodes/common/params.ts';

const SEED = Number(process.env.NETLOOM_PROP_SEED ?? 1311);
const MERGES = ['Add', 'Multiply', 'Average', 'Maximum', 'Concatenate'] as const;

type Op =
  | { op: 'conv'; from: number; filters: number; k: number; padding: 'same' | 'valid'; strides: number }
  | { op: 'pool'; from: number }
  | { op: 'up'; from: number; transpose: boolean }
  | { op: 'merge'; kind: (typeof MERGES)[number]; from: number[] }
  | { op: 'pad'; from: number; amount: number };

interface Recipe {
  size: number;
  channels: number;
  ops: Op[];
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('conv' as const), from: fc.nat(), filters: fc.constantFrom(2, 4), k: fc.constantFrom(1, 3, 5), padding: fc.constantFrom('same' as const, 'valid' as const), strides: fc.constantFrom(1, 1, 1, 2) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('pool' as const), from: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('up' as const), from: fc.nat(), transpose: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('merge' as const), kind: fc.constantFrom(...MERGES), from: fc.array(fc.nat(), { minLength: 2, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('pad' as const), from: fc.nat(), amount: fc.integer({ min: 1, max: 2 }) }) },
);

const recipeArb: fc.Arbitrary<Recipe> = fc.record({
  size: fc.integer({ min: 12, max: 40 }),
  channels: fc.integer({ min: 1, max: 3 }),
  ops: fc.array(opArb, { minLength: 2, maxLength: 14 }),
});

/**
 * The graph a recipe describes: a first Conv2D, then single-input layers
 * reading one of the last three tensors and merges reading any earlier ones
 * (skips), through named ports.
 */
function build(r: Recipe): GraphDoc {
  const nodes: GraphNode[] = [{ id: 'x', kind: 'Input', params: { shape: [r.size, r.size, r.channels] } }];
  const edges: GraphEdge[] = [];
  const pool = ['x'];
  const recent = (i: number) => pool[pool.length - 1 - (i % Math.min(3, pool.length))]!;
  const add = (kind: string, params: Record<string, unknown>, from: string[]) => {
    const id = `${kind.toLowerCase()}${nodes.length}`;
    nodes.push({ id, kind, params });
    from.forEach((s, i) => edges.push({ id: `e${edges.length}`, source: s, target: id, ...(from.length > 1 ? { targetHandle: `in${i}` } : {}) }));
    pool.push(id);
  };
  add('Conv2D', { filters: 2, kernelSize: 3, padding: 'same' }, ['x']);
  for (const o of r.ops) {
    if (o.op === 'conv') add('Conv2D', { filters: o.filters, kernelSize: o.k, padding: o.padding, strides: o.strides }, [recent(o.from)]);
    else if (o.op === 'pool') add('MaxPooling2D', { poolSize: 2 }, [recent(o.from)]);
    else if (o.op === 'up') add(o.transpose ? 'Conv2DTranspose' : 'UpSampling2D', o.transpose ? { filters: 2, kernelSize: 2, strides: 2 } : { size: 2 }, [recent(o.from)]);
    else if (o.op === 'pad') add('ZeroPadding2D', { padding: o.amount }, [recent(o.from)]);
    else {
      const from = [...new Set(o.from.map((i, j) => (j === 0 ? recent(i) : pool[i % pool.length]!)))];
      if (from.length >= 2) add(o.kind, {}, from);
    }
  }
  return { format: 'netloom.graph', version: 1, name: 'generated', nodes, edges };
}

const errorsOf = (a: Analysis) => a.diagnostics.filter((d) => d.severity === 'error');

/** Border params in one form: `1`, `[1, 1]` and `[[1, 1], [1, 1]]` are the same padding. */
function sameForm(n: GraphNode): Record<string, unknown> {
  const key = n.kind === 'Cropping2D' ? 'cropping' : n.kind === 'ZeroPadding2D' ? 'padding' : undefined;
  return key && n.params[key] !== undefined ? { ...n.params, [key]: toEdges4(n.params[key] as Edges2D) } : n.params;
}

/**
 * The document without positions and edge ids: what the user would call "the
 * same graph". With `named`, a node outside it (one a fix inserted) is named
 * by where it sits, not by its fresh id: a crop taken out and put back is the
 * same crop.
 */
function canonical(d: GraphDoc, named?: Set<string>): string {
  const where = (id: string) => {
    if (!named || named.has(id)) return id;
    const out = d.edges.find((e) => e.source === id);
    return `${d.nodes.find((n) => n.id === id)!.kind} before ${out ? `${out.target}:${out.targetHandle ?? ''}` : 'nothing'}`;
  };
  const nodes = d.nodes.map((n) => JSON.stringify([where(n.id), n.kind, sameForm(n)])).sort();
  const edges = d.edges.map((e) => JSON.stringify([where(e.source), e.sourceHandle ?? 'out0', where(e.target), e.targetHandle ?? ''])).sort();
  return JSON.stringify([nodes, edges]);
}

/** `ids` and every node they reach. */
function downstream(d: GraphDoc, ids: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...ids];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of d.edges) if (e.source === id) stack.push(e.target);
  }
  return seen;
}

/** The nodes a fix edits directly: the merge, the node whose param it sets, or the readers of the node it removes. */
function edited(before: GraphDoc, d: Diagnostic): string[] {
  const f = d.fix!;
  if (f.kind === 'set-param') return [f.nodeId ?? d.nodeId!];
  if (f.kind === 'remove-node') return before.edges.filter((e) => e.source === f.nodeId).map((e) => e.target);
  return [d.nodeId!];
}

const BORDER = new Set(['Cropping2D', 'ZeroPadding2D']);

/** A crop or pad a fix inserted, fed by another crop or pad that only it reads: two borders stacked. */
function stacked(d: GraphDoc, original: Set<string>): string[] {
  const kind = new Map(d.nodes.map((n) => [n.id, n.kind]));
  const readers = (id: string) => d.edges.filter((e) => e.source === id).length;
  return d.edges
    .filter((e) => !original.has(e.target) && BORDER.has(kind.get(e.target)!) && BORDER.has(kind.get(e.source)!) && readers(e.source) === 1)
    .map((e) => `${e.source} → ${e.target}`);
}

interface Run {
  doc: GraphDoc;
  fixes: Diagnostic[];
}

/** Click the first offered fix until the graph is valid, checking every step. */
function converge(start: GraphDoc, max: number, original = new Set(start.nodes.map((n) => n.id))): Run {
  const seen = new Set<string>();
  const fixes: Diagnostic[] = [];
  let doc = start;
  let a = analyze(doc);
  for (let step = 0; ; step++) {
    const errors = errorsOf(a);
    if (errors.length === 0) return { doc, fixes };
    const unfixable = errors.filter((d) => !d.fix || !d.nodeId);
    expect(unfixable.map((d) => d.message), 'an error without a fix').toEqual([]);
    expect(step, `still ${errors.length} errors after ${max} fixes: ${errors.map((d) => d.message).join(' | ')}`).toBeLessThan(max);
    const key = canonical(doc);
    expect(seen.has(key), 'the fixes came back to a graph they had already been').toBe(false);
    seen.add(key);

    const d = errors[0]!;
    const r = applyFix(doc, d.nodeId!, d.fix!, d.path ?? []);
    if (!r.ok) throw new Error(`fix "${d.fix!.label}" for ${d.nodeId} could not be applied: ${r.reason}`);
    fixes.push(d);
    const after = analyze(r.doc);
    // Only the edited node and what is downstream of it see different inputs.
    const moved = downstream(r.doc, edited(doc, d));
    for (const [id, na] of a.nodes) {
      const now = after.nodes.get(id);
      if (!now || moved.has(id)) continue;
      expect(JSON.stringify(now.inputs), `fix "${d.fix!.label}" for ${d.nodeId} changed what ${id} reads`).toBe(JSON.stringify(na.inputs));
    }
    expect(stacked(r.doc, original), `fix "${d.fix!.label}" stacked a crop or pad`).toEqual([]);
    doc = r.doc;
    a = after;
  }
}

const MAX_STEPS = 60;
const CONVS = (d: GraphDoc) => d.nodes.filter((n) => n.kind === 'Conv2D').map((n) => n.id);
/** A fix that inserts, adjusts or removes a Cropping2D before a merge: the U-Net story. */
const isCropFix = (d: Diagnostic) =>
  (d.fix!.kind === 'insert-before' && d.fix!.nodeKind === 'Cropping2D') || d.fix!.kind === 'remove-node' || (d.fix!.kind === 'set-param' && d.fix!.param === 'cropping' && d.fix!.nodeId !== undefined);

describe('clicking the first offered fix again and again', () => {
  test('reaches a valid graph, never cycles, never leaves an error without a fix, and touches only what the fix is for', () => {
    let fixed = 0;
    let steps = 0;
    const kinds = new Map<string, number>();
    fc.assert(
      fc.property(recipeArb, (r) => {
        const run = converge(build(r), MAX_STEPS);
        expect(analyze(run.doc).valid).toBe(true);
        if (run.fixes.length) fixed++;
        steps += run.fixes.length;
        for (const d of run.fixes) {
          const f = d.fix!;
          const k = `${d.code}: ${f.kind === 'insert-before' ? `insert ${f.nodeKind}` : f.kind === 'set-param' ? `set ${f.param}` : 'remove'}`;
          kinds.set(k, (kinds.get(k) ?? 0) + 1);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
    // The generator must really exercise the fixes, not only graphs that were valid to begin with.
    expect(fixed).toBeGreaterThan(80);
    for (const k of ['shape-mismatch: insert Cropping2D', 'concat-mismatch: insert Cropping2D', 'shape-mismatch: insert Conv2D']) expect(kinds.get(k) ?? 0, k).toBeGreaterThan(10);
    console.log(`fix convergence: ${fixed} of 300 graphs needed fixes, ${steps} fixes in all; by kind ${JSON.stringify(Object.fromEntries(kinds))}`);
  });

  test("a conv's padding flipped and flipped back: the fixes crop, then take those crops out again (no stacking)", () => {
    let roundTrips = 0;
    let adjustedOrRemoved = 0;
    fc.assert(
      fc.property(recipeArb, fc.nat(), (r, pick) => {
        // Start from a valid graph: the generated one after its fixes.
        const generated = build(r);
        const user = new Set(generated.nodes.map((n) => n.id));
        const start = converge(generated, MAX_STEPS).doc;
        const conv = CONVS(start)[pick % CONVS(start).length]!;
        const was = start.nodes.find((n) => n.id === conv)!.params.padding;
        const flipped = setParams(start, conv, { padding: was === 'same' ? 'valid' : 'same' });
        if (!flipped.ok) throw new Error(english(flipped.reason));
        const there = converge(flipped.doc, MAX_STEPS);
        const back = setParams(there.doc, conv, { padding: was });
        if (!back.ok) throw new Error(english(back.reason));
        const home = converge(back.doc, MAX_STEPS, new Set(start.nodes.map((n) => n.id)));
        expect(analyze(home.doc).valid).toBe(true);
        adjustedOrRemoved += home.fixes.filter((d) => d.fix!.kind !== 'insert-before').length;
        // When the fixes only cropped (no padding chosen, no conv or 1×1 projection changed on the way), we are home.
        // (A pad no longer needed is removed too, but coming back the first offer is a crop: crop comes first.)
        if (!start.nodes.some((n) => n.kind === 'ZeroPadding2D') && [...there.fixes, ...home.fixes].every(isCropFix)) {
          expect(canonical(home.doc, user)).toBe(canonical(start, user));
          if (there.fixes.length) roundTrips++;
        }
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
    expect(roundTrips).toBeGreaterThan(25);
    expect(adjustedOrRemoved).toBeGreaterThan(30);
    console.log(`padding round trips back to the start: ${roundTrips}; fixes that adjusted or removed a crop/pad on the way back: ${adjustedOrRemoved}`);
  });
});
