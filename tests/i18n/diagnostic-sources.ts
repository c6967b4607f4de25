/**
 * Every diagnostic we can make netloom say, without grepping the source for
 * codes: analysis of the test corpus and the presets, of seeded random graphs
 * from the property tests' generators (valid ones, ones broken on purpose,
 * graph-shaped garbage), and every node kind's own `infer` over its
 * conformance grid and over inputs and params chosen to break it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../src/analysis/analyze.ts';
import { parseParams } from '../../src/analysis/params.ts';
import type { Analysis, GraphAnalysis } from '../../src/analysis/types.ts';
import { loadGraph, type LoadError } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { NODE_SPECS } from '../../src/nodes/index.ts';
import type { Fix, Formula, Shape } from '../../src/nodes/spec.ts';
import type { Text } from '../../src/i18n/text.ts';
import { imageGraph } from '../property/image-graphs.ts';
import { garbageDoc, mutatedDoc } from '../property/broken-graphs.ts';

export interface Said {
  /** Where it came from: a file, a generated graph, a kind's infer. */
  where: string;
  /** The node kind that said it, when a node did. */
  kind?: string;
  code: string;
  message: string;
  text?: Text;
  fix?: Fix;
}

const FILE_DIRS = ['tests/fixtures/bad', 'tests/fixtures/good', 'graph-presets'];

/** The graph files of the corpus and the presets, loaded (refusals separately). */
export function corpusFiles(): { file: string; doc?: GraphDoc; error?: LoadError }[] {
  return FILE_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f !== 'expected.json')
      .map((f) => {
        const r = loadGraph(readFileSync(join(dir, f), 'utf8'));
        return r.ok ? { file: `${dir}/${f}`, doc: r.doc } : { file: `${dir}/${f}`, error: r.error };
      }),
  );
}

function kindAt(a: Analysis, path: readonly string[] | undefined, id: string | undefined): string | undefined {
  let g: GraphAnalysis | undefined = a;
  for (const p of path ?? []) g = g?.nodes.get(p)?.inner;
  return id === undefined ? undefined : g?.nodes.get(id)?.kind;
}

function fromAnalysis(where: string, doc: GraphDoc): Said[] {
  const a = analyze(doc);
  return a.diagnostics.map((d) => ({ where, kind: kindAt(a, d.path, d.nodeId), code: d.code, message: d.message, text: d.text, fix: d.fix }));
}

/** Seeded graphs of the property tests: generated (known and unknown sizes), broken on purpose, and garbage. */
export function generatedGraphs(runs = 400, seed = 20261207): GraphDoc[] {
  const generated = [false, true].flatMap((unknownDims) => fc.sample(fc.gen().map((g) => imageGraph(g, { unknownDims })), { seed, numRuns: runs }));
  const broken = fc.sample(fc.gen().map((g) => mutatedDoc(g).doc), { seed, numRuns: runs * 2 });
  const garbage = fc.sample(garbageDoc, { seed, numRuns: runs }) as unknown as GraphDoc[];
  return [...generated, ...broken, ...garbage];
}

const SHAPES: Shape[] = [[784], [3136], [64], [3], [28, 28, 1], [4, 4, 1], [1, 1, 3], [7, 7, 8], [8, 8, 4], [6, 6, 2], [5, 7], [5, 5], [2, 3, 4, 2], [2, 3, 4, 2, 1], [null, null, 3], [null, 8, 2], [null, 6], [9, 9, null]];

/** Params that push each kind past what it accepts (all kinds get all; each keeps what parses). */
const HOSTILE: Record<string, unknown>[] = [
  {},
  { kernelSize: 7 },
  { kernelSize: 3, strides: 2 },
  { strides: 3 },
  { padding: 1 },
  { padding: 5 },
  { padding: 2, strides: 2 },
  { dilationRate: 2 },
  { dilationRate: 2, strides: 2 },
  { kernelSize: 3, dilationRate: [2, 3] },
  { axis: 0 },
  { axis: 2 },
  { axis: 3 },
  { axis: 5 },
  { center: false },
  { scale: false },
  { center: false, scale: false },
  { targetShape: [7, 7, 3] },
  { targetShape: [-1, 5] },
  { targetShape: [13] },
  { targetShape: [-1, -1] },
  { valueRange: [1, 0] },
  { cropping: 3 },
  { cropping: [[2, 3], [0, 0]] },
  { cropping: [[0, 0], [4, 4]] },
  { poolSize: 3 },
  { poolSize: 5 },
  { poolSize: 3, strides: 2 },
  { filters: 8, kernelSize: 4, strides: 3 },
];
/** Required params get a value, so the rest of a param set can be tried. */
const REQUIRED = { units: 4, filters: 2, targetShape: [28, 28, 1], factor: 0.1, shape: [28, 28, 1], rate: 0.5, stddev: 0.1 };

/** What every node kind says about inputs and params of all sorts, with the formulas it shows. */
export function kindSayings(): { said: Said[]; formulas: { kind: string; f: Formula }[] } {
  const said: Said[] = [];
  const formulas: { kind: string; f: Formula }[] = [];
  for (const s of NODE_SPECS) {
    for (const raw of [...s.conformance.params, ...HOSTILE]) {
      const p = parseParams(s, { ...REQUIRED, ...raw });
      if (!p.ok) {
        said.push({ where: `${s.kind} params ${JSON.stringify(raw)}`, kind: s.kind, code: 'bad-param', message: p.message, text: p.text });
        continue;
      }
      for (const a of SHAPES) {
        for (const b of s.inputs.max > 1 ? SHAPES : [null]) {
          const inputs = b ? [a, b] : [a];
          const r = s.infer(inputs, p.value);
          for (const d of r.diagnostics ?? []) said.push({ where: `${s.kind} ${JSON.stringify(raw)} on ${JSON.stringify(inputs)}`, kind: s.kind, ...d });
          for (const f of r.formulas ?? []) formulas.push({ kind: s.kind, f });
        }
      }
    }
  }
  return { said, formulas };
}

/** Every diagnostic of every source. */
export function allSayings(): Said[] {
  const files = corpusFiles().flatMap((c) => (c.doc ? fromAnalysis(c.file, c.doc) : []));
  const generated = generatedGraphs().flatMap((doc, i) => fromAnalysis(`generated graph ${i}`, doc));
  return [...files, ...generated, ...kindSayings().said];
}
