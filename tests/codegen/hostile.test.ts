/**
 * RELIABILITY #9: hostile ids, labels, graph names and training hints.
 * Each hostile graph is exported next to a twin with plain ids and labels.
 * The hostile export (TypeScript, Keras, PyTorch) must type-check (tsc --strict) or parse (py_compile),
 * build the same model as compile(), and have exactly the token structure of
 * its twin once strings, names and comments are masked: user text can change
 * what a name or a string says, never how many statements there are.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { compileGraph } from '../../src/compile/compile.ts';
import { emitKeras } from '../../src/codegen/keras.ts';
import { emitTypeScript } from '../../src/codegen/typescript.ts';
import { emitTorch } from '../../src/codegen/torch.ts';
import type { EmitResult } from '../../src/codegen/result.ts';
import type { GraphDoc, GraphEdge, GraphNode } from '../../src/graph/schema.ts';
import { loadModule, pyCheck, tscStrict, tsTokens, type PyRun, type TscRun } from './harness.ts';
import { signature } from './compare.ts';
import { HOSTILE } from './hostile-strings.ts';

/** Only labels and names may hold control characters (ids refuse them). */
const LABEL_ONLY = ['\nprocess.exit(1)\n', '\r\nimport os\r\nos.system("id")', 'a\u0000b', '\u000b\u000c\u001b[31m', '# coding: utf-7\n+AAo-import os'];

/** Words an injection needs, which must never be a token of the code (in Python, `process` is a plain name a node may have). */
const FORBIDDEN_TS = ['process', 'require', 'child_process', 'execSync', 'exit', 'system', 'eval', 'Function', 'globalThis'];
const FORBIDDEN_PY = ['__import__', 'os', 'sys', 'system', 'exec', 'eval', 'exit', 'subprocess', 'open'];

/** Input → Dense chain → Composite(Input → Dense → Output) → Add(with a skip) → Output, every id and label from `ids`/`labels`. */
function hostileGraph(ids: string[], labels: string[], name: string, training: Record<string, unknown>): GraphDoc {
  let k = 0;
  const next = () => ids[k++]!;
  const label = (i: number) => labels[i % labels.length];
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const edge = (source: string, target: string, list = edges) => list.push({ id: `${source}->${target}`, source, target });
  const x = next();
  nodes.push({ id: x, kind: 'Input', params: { shape: [4] }, label: label(0) });
  let prev = x;
  for (let i = 0; i < 4; i++) {
    const id = next();
    nodes.push({ id, kind: 'Dense', params: { units: 4, activation: 'relu' }, label: label(i + 1) });
    edge(prev, id);
    prev = id;
  }
  const [ci, cd, co, comp] = [next(), next(), next(), next()];
  const inner = { nodes: [] as GraphNode[], edges: [] as GraphEdge[] };
  inner.nodes.push({ id: ci, kind: 'Input', params: {}, label: label(5) }, { id: cd, kind: 'Dense', params: { units: 4 }, label: label(6) }, { id: co, kind: 'Output', params: {} });
  edge(ci, cd, inner.edges);
  edge(cd, co, inner.edges);
  nodes.push({ id: comp, kind: 'Composite', params: { role: 'Block' }, label: label(7), graph: inner });
  edge(prev, comp);
  const add = next();
  nodes.push({ id: add, kind: 'Add', params: {}, label: label(8) });
  edge(comp, add);
  edge(x, add);
  const out = next();
  nodes.push({ id: out, kind: 'Dense', params: { units: 1, activation: 'sigmoid' }, label: label(9) });
  edge(add, out);
  return { format: 'netloom.graph', version: 1, name, training, nodes, edges };
}

const IDS_PER_GRAPH = 11; // ids hostileGraph takes
const idPool = HOSTILE.filter((s) => !/[\u0000-\u001f]/.test(s));
const labelPool = [...HOSTILE, ...LABEL_ONLY];
const NAMES = [...LABEL_ONLY, '# -*- coding: utf-7 -*-', '*/ process.exit(1) /*', '\u2028', 'x'.repeat(500)];
const TRAINING = { task: "'); process.exit(1); ('", loss: '__import__("os").system("id")', optimizer: 'adam); process.exit(1', learningRate: 'NaN', epochs: 1e9, batchSize: -1 };

interface Pair {
  name: string;
  hostile: GraphDoc;
  plain: GraphDoc;
}

const pairs: Pair[] = [];
for (let start = 0; start < idPool.length; start += IDS_PER_GRAPH) {
  // Every hostile string is an id in one graph and a label in others.
  const ids = Array.from({ length: IDS_PER_GRAPH }, (_, i) => idPool[start + i] ?? `pad${i}`);
  const labels = labelPool.slice(start % labelPool.length).concat(labelPool);
  const g = start / IDS_PER_GRAPH;
  pairs.push({
    name: `hostile_${g}`,
    hostile: hostileGraph(ids, labels, NAMES[g % NAMES.length]!, TRAINING),
    plain: hostileGraph(
      ids.map((_, i) => `n${i}`),
      ['label'],
      'graph',
      {},
    ),
  });
}

function code(r: EmitResult): string {
  if (!r.ok) throw new Error(`export refused: ${JSON.stringify(r.diagnostics)}`);
  return r.code;
}

let ts: TscRun;
let py: PyRun;
const tsCode = new Map<string, string>();
const pyCode = new Map<string, string>();

beforeAll(async () => {
  await tf.setBackend('cpu');
  for (const p of pairs) {
    expect(analyze(p.hostile).valid, p.name).toBe(true);
    for (const [suffix, doc] of [
      ['', p.hostile],
      ['_plain', p.plain],
    ] as const) {
      tsCode.set(p.name + suffix, code(emitTypeScript(doc)));
      pyCode.set(p.name + suffix, code(emitKeras(doc)));
      pyCode.set(`${p.name + suffix}_m`, code(emitKeras(doc, { mirroredStrategy: true })));
      pyCode.set(`${p.name + suffix}_t`, code(emitTorch(doc)));
    }
  }
  ts = tscStrict(tsCode);
  py = pyCheck(pyCode);
});

describe('hostile names', () => {
  test(`the corpus: ${pairs.length} graphs, every hostile string as an id and as a label`, () => {
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    const usedIds = new Set(pairs.flatMap((p) => p.hostile.nodes.flatMap((n) => [n.id, ...(n.graph?.nodes.map((m) => m.id) ?? [])])));
    for (const s of idPool) expect(usedIds.has(s), JSON.stringify(s)).toBe(true);
  });

  test('TypeScript type-checks under --strict and builds the same model as compile()', () => {
    expect(ts.errors).toBe('');
    for (const p of pairs) {
      const compiled = compileGraph(tf, p.hostile);
      if (!compiled.ok) throw new Error(p.name);
      const built = (loadModule(ts.js.get(p.name)!, tf).buildModel as () => tf.LayersModel)();
      expect(signature(built), p.name).toEqual(signature(compiled.value.main));
      built.dispose();
      compiled.value.main.dispose();
    }
  });

  test('TypeScript: same tokens as the plain twin; nothing injected outside strings and comments', () => {
    for (const p of pairs) {
      const hostile = tsTokens(tsCode.get(p.name)!);
      const plain = tsTokens(tsCode.get(`${p.name}_plain`)!);
      expect(hostile.strange, p.name).toEqual([]);
      expect(hostile.shape, p.name).toEqual(plain.shape);
      for (const w of FORBIDDEN_TS) expect(hostile.words, `${p.name}: ${w}`).not.toContain(w);
      // Only printable ASCII, plus letters of labels inside comments.
      expect(tsCode.get(p.name)!.replace(/\/\/.*$/gm, ''), p.name).toMatch(/^[\x20-\x7e\n]*$/);
    }
  });

  test('Python parses (py_compile), with the same tokens as the plain twin and nothing injected', () => {
    expect(py.errors).toEqual({});
    for (const p of pairs) {
      for (const m of ['', '_m', '_t']) {
        expect(py.shapes[p.name + m], p.name + m).toEqual(py.shapes[`${p.name}_plain${m}`]);
        // No more often than in the plain twin: a training file reads torchrun's LOCAL_RANK with os.environ itself.
        const uses = (name: string, w: string) => py.names[name]!.filter((n) => n === w).length;
        for (const w of FORBIDDEN_PY) expect(uses(p.name + m, w), `${p.name}${m}: ${w}`).toBe(uses(`${p.name}_plain${m}`, w));
      }
      for (const m of ['', '_t']) expect(pyCode.get(p.name + m)!.replace(/#.*$/gm, ''), p.name + m).toMatch(/^[\x20-\x7e\n]*$/);
    }
  });

  test('no user text in the first two lines of the Python (where `# coding: utf-7` would be obeyed)', () => {
    for (const [name, c] of pyCode) expect(c.split('\n').slice(0, 2).join('\n'), name).not.toMatch(/coding|graph|Graph/);
  });

  test('comments hold no line breaks, controls or bidi overrides from labels', () => {
    for (const c of [...tsCode.values(), ...pyCode.values()]) {
      expect(c).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/);
      expect(c).not.toContain('*/');
    }
  });

  test('training hints that are not known names or sane numbers are ignored, not printed', () => {
    const c = tsCode.get(pairs[0]!.name)!;
    expect(c).toContain("loss: 'binaryCrossentropy'");
    expect(c).toContain('tf.train.adam(0.001)');
    expect(c).toContain('epochs = 10, batchSize = 32');
  });
});
