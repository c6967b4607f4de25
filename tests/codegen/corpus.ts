/**
 * The graphs every export test runs over: the good fixtures, the presets,
 * the codegen fixtures, one tiny graph per conformance case of every node
 * kind (so every kind and argument form is exported), and fuzzed image
 * graphs from a fixed seed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { NODE_SPECS } from '../../src/nodes/index.ts';
import { imageGraph } from '../property/image-graphs.ts';

export interface Entry {
  /** A file-name-safe unique name. */
  name: string;
  doc: GraphDoc;
}

const FUZZ_SEED = Number(process.env.NETLOOM_CODEGEN_SEED ?? 20261204);
export const FUZZ_COUNT = Number(process.env.NETLOOM_CODEGEN_RUNS ?? 220);

const safe = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '_');

/** Graph files of a folder that load (a BOM or encoding fixture may not load as UTF-8 text: loading is tested elsewhere). */
export function filesIn(dir: string, prefix: string): Entry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'expected.json')
    .sort()
    .flatMap((f) => {
      const r = loadGraph(readFileSync(`${dir}/${f}`, 'utf8'));
      return r.ok ? [{ name: `${prefix}_${safe(f.replace(/\.json$/, ''))}`, doc: r.doc }] : [];
    });
}

export function fileGraphs(): Entry[] {
  return [...filesIn('tests/fixtures/good', 'good'), ...filesIn('graph-presets', 'preset'), ...filesIn('tests/fixtures/codegen', 'codegen')];
}

/** Input nodes → the node under test, for every (inputs × params) case of every kind's conformance grid that analysis accepts. */
export function conformanceGraphs(): Entry[] {
  const out: Entry[] = [];
  for (const spec of NODE_SPECS) {
    if (['Input', 'Output', 'Composite'].includes(spec.kind)) continue;
    spec.conformance.inputs.forEach((ins, i) =>
      spec.conformance.params.forEach((p, j) => {
        const xs = ins.map((shape, k) => ({ id: `x${k}`, kind: 'Input', params: { shape } }));
        const doc: GraphDoc = {
          format: 'netloom.graph',
          version: 1,
          name: `${spec.kind} conformance`,
          nodes: [...xs, { id: 'n', kind: spec.kind, params: p as Record<string, unknown> }],
          edges: xs.map((x, k) => ({ id: `e${k}`, source: x.id, target: 'n', targetHandle: `in${k}` })),
        };
        if (analyze(doc).valid) out.push({ name: `conf_${spec.kind}_${i}_${j}`, doc });
      }),
    );
  }
  return out;
}

/** FUZZ_COUNT valid random image graphs (one in five with unknown height and width). */
export function fuzzedGraphs(count = FUZZ_COUNT): Entry[] {
  const docs = fc.sample(
    fc.gen().map((g) => imageGraph(g, { unknownDims: g(fc.integer, { min: 0, max: 4 }) === 0 })),
    { seed: FUZZ_SEED, numRuns: count * 4 },
  );
  return docs
    .filter((d) => analyze(d).valid)
    .slice(0, count)
    .map((doc, i) => ({ name: `fuzz_${i}`, doc }));
}
