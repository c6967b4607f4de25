/**
 * Messages after import: once an imported graph is saved, `summary` and
 * `export` still name each unsupported layer's class and reason (English and
 * Korean); a layer that keeps its shape lets the layers after it be counted,
 * with the totals flagged partial; lines alike but for their layer are
 * printed once, with how many more.
 */
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { readTextFile } from '../../src/cli/read-file.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadGraph } from '../../src/graph/load.ts';
import { render } from '../../src/i18n/text.ts';
import { GROUP_FROM } from '../../src/cli/grouped.ts';

/** The CLI with reads from `files` first, then disk, and writes kept in `files`. */
async function run(argv: string[], files: Map<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    readFile: (p) => files.get(p) ?? readTextFile(p),
    stdout: (t) => (stdout += t + '\n'),
    stderr: (t) => (stderr += t + '\n'),
    writeFile: (p: string, data: string | Uint8Array) => void files.set(p, typeof data === 'string' ? data : new TextDecoder().decode(data)),
  } as Parameters<typeof runCli>[1]);
  return { code, stdout, stderr };
}

const LAMBDA = 'tests/fixtures/import/keras/keras2-functional-lambda.json';
const LAMBDA_REASON = 'a Lambda layer holds Python code, and netloom never runs code from a file (Keras Lambda layers ran code on load: CVE-2024-3660)';

async function imported(model: string, files = new Map<string, string>()) {
  const r = await run(['import', model, '-o', 'g.json'], files);
  expect(r.stdout).toContain('wrote g.json');
  return { files, stderr: r.stderr };
}

describe('the class and the reason of an unsupported layer outlive the import', () => {
  test('summary and export of the saved graph name Lambda and why, never the stand-in kind', async () => {
    const { files } = await imported(LAMBDA);
    const summary = await run(['summary', 'g.json'], files);
    expect(summary.code).toBe(1);
    expect(summary.stdout).toContain(`error rescale: Lambda layer "rescale" is not supported: ${LAMBDA_REASON}; it is kept, with its config, and never run`);
    expect(summary.stdout).toContain('error tf.math.multiply: TFOpLambda layer "tf.math.multiply" is not supported: it is a TensorFlow operation recorded as a layer');
    expect(summary.stdout).not.toContain('"Unsupported"');
    for (const lang of ['ts', 'py']) {
      const exported = await run(['export', 'g.json', '--lang', lang], files);
      expect(exported.code).toBe(1);
      expect(exported.stderr).toContain(`error rescale: Lambda layer "rescale" is not supported: ${LAMBDA_REASON}`);
      expect(exported.stderr).not.toContain('"Unsupported"');
    }
  });

  test('in Korean, the app shows the same class and the reason in Korean', async () => {
    const { files } = await imported(LAMBDA);
    const doc = loadGraph(files.get('g.json')!);
    if (!doc.ok) throw new Error(doc.error.message);
    const d = analyze(doc.doc).diagnostics.find((x) => x.nodeId === 'rescale')!;
    expect(d.code).toBe('unsupported-layer');
    expect(render(d.text, 'ko')).toBe(
      'Lambda 층 "rescale"은(는) 지원하지 않습니다(Lambda 층에는 Python 코드가 들어 있는데, netloom은 파일에 든 코드를 절대 실행하지 않습니다(Keras Lambda 층은 불러올 때 코드를 실행했습니다: CVE-2024-3660)). 설정과 함께 보존하지만 실행하지는 않습니다',
    );
    expect(d.message).toBe(`Lambda layer "rescale" is not supported: ${LAMBDA_REASON}; it is kept, with its config, and never run`);
    // A graph saved before the reason was kept as Text (or one whose Text is not the importer's) says the recorded English reason.
    const node = doc.doc.nodes.find((n) => n.id === 'rescale')!;
    for (const why of [undefined, { key: 'diag.empty' }, { key: 'import.why.no-layer', values: { className: { key: 'diag.empty' } } }]) {
      const old = { ...doc.doc, nodes: doc.doc.nodes.map((n) => (n === node ? { ...n, imported: { ...(n.imported as object), why } } : n)) };
      const said = analyze(old).diagnostics.find((x) => x.nodeId === 'rescale')!;
      expect(render(said.text, 'ko')).toBe(`Lambda 층 "rescale"은(는) 지원하지 않습니다(${LAMBDA_REASON}). 설정과 함께 보존하지만 실행하지는 않습니다`);
    }
  });
});

test('a setting a kind refuses (Conv2D groups, a ReLU threshold) is said in Korean too, from the saved graph', async () => {
  const model = {
    class_name: 'Sequential',
    config: {
      name: 'm',
      layers: [
        { class_name: 'Conv2D', config: { name: 'grouped', filters: 4, kernel_size: 3, groups: 2, batch_input_shape: [null, 8, 8, 2] } },
        { class_name: 'ReLU', config: { name: 'shifted', threshold: 0.5 } },
      ],
    },
  };
  const files = new Map([['m.json', JSON.stringify(model)]]);
  await run(['import', 'm.json', '-o', 'g.json'], files);
  const doc = loadGraph(files.get('g.json')!);
  if (!doc.ok) throw new Error(doc.error.message);
  const said = Object.fromEntries(analyze(doc.doc).diagnostics.filter((d) => d.code === 'unsupported-layer').map((d) => [d.nodeId, [d.message, render(d.text, 'ko')]]));
  expect(said).toEqual({
    grouped: [
      'Conv2D layer "grouped" is not supported: groups is 2; netloom\'s Conv2D has no groups; it is kept, with its config, and never run',
      'Conv2D 층 "grouped"은(는) 지원하지 않습니다(groups가 2입니다. netloom의 Conv2D에는 groups가 없습니다). 설정과 함께 보존하지만 실행하지는 않습니다',
    ],
    shifted: [
      'ReLU layer "shifted" is not supported: threshold is 0.5; it is kept, with its config, and never run',
      'ReLU 층 "shifted"은(는) 지원하지 않습니다(threshold가 0.5입니다). 설정과 함께 보존하지만 실행하지는 않습니다',
    ],
  });
});

describe('a layer that keeps its shape does not hide the weights after it', () => {
  test('the Lambda in front passes its shape on: every layer up to the op layer is counted, and the totals say partial', async () => {
    const { files } = await imported(LAMBDA);
    const text = await run(['summary', 'g.json'], files);
    // conv1 3·3·3·16 (no bias) = 432, bn1 4·16 = 64, conv2 3·3·16·16+16 = 2,320, gate 16·16+16 = 272.
    expect(text.stdout).toMatch(/^rescale \(Unsupported\) +\[32, 32, 3\] +\?$/m);
    expect(text.stdout).toMatch(/^conv1 \(Conv2D\) +\[32, 32, 16\] +432$/m);
    expect(text.stdout).toContain('Total params: 3,088\n');
    expect(text.stdout).toContain('they are partial');
    const json = JSON.parse((await run(['summary', 'g.json', '--json'], files)).stdout);
    expect(json).toMatchObject({ valid: false, params: 3088, trainableParams: 3056, partial: true });
  });

  test('an activation netloom lacks keeps the shape too; a recurrent layer does not, so what follows it stays uncounted', async () => {
    const model = (second: Record<string, unknown>) =>
      JSON.stringify({
        class_name: 'Sequential',
        config: {
          name: 'm',
          layers: [{ class_name: 'Dense', config: { name: 'd1', units: 8, batch_input_shape: [null, 4] } }, second, { class_name: 'Dense', config: { name: 'd2', units: 3 } }],
        },
      });
    const files = new Map([
      ['gelu.json', model({ class_name: 'Activation', config: { name: 'act', activation: 'gelu' } })],
      ['lstm.json', model({ class_name: 'LSTM', config: { name: 'act', units: 5 } })],
    ]);
    await run(['import', 'gelu.json', '-o', 'gelu.graph.json'], files);
    await run(['import', 'lstm.json', '-o', 'lstm.graph.json'], files);
    // d1 4·8+8 = 40, d2 8·3+3 = 27.
    const gelu = JSON.parse((await run(['summary', 'gelu.graph.json', '--json'], files)).stdout);
    expect(gelu).toMatchObject({ params: 40 + 27, partial: true });
    expect(gelu.diagnostics.map((d: { message: string }) => d.message)).toEqual([expect.stringMatching(/^Activation layer "act" is not supported: its activation "gelu" is not one netloom offers \(/)]);
    const lstm = JSON.parse((await run(['summary', 'lstm.graph.json', '--json'], files)).stdout);
    expect(lstm).toMatchObject({ params: 40, partial: true });
  });

  test('a valid graph has no partial flag', async () => {
    const json = JSON.parse((await run(['summary', 'graph-presets/mnist-cnn.json', '--json'], new Map())).stdout);
    expect(json.valid).toBe(true);
    expect('partial' in json).toBe(false);
  });
});

describe('lines alike but for their layer are printed once, with a count', () => {
  const frozen = (n: number) => ({
    class_name: 'Sequential',
    config: {
      name: 'frozen',
      layers: Array.from({ length: n }, (_, i) => ({ class_name: 'Dense', config: { name: `d${i + 1}`, units: 4, trainable: false, ...(i === 0 ? { batch_input_shape: [null, 4] } : {}) } })),
    },
  });

  test(`207 frozen layers: one import line naming the first, "and 206 more like it", five more names`, async () => {
    const files = new Map([['frozen.json', JSON.stringify(frozen(207))]]);
    const r = await run(['import', 'frozen.json', '-o', 'g.json'], files);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'warning d1 (and 206 more like it: d2, d3, d4, d5, d6, …): Dense "d1": it was frozen (trainable: false); netloom freezes whole blocks only, so this layer trains',
    ]);
  });

  test(`${GROUP_FROM - 1} alike stay as they are`, async () => {
    const files = new Map([['frozen.json', JSON.stringify(frozen(GROUP_FROM - 1))]]);
    const r = await run(['import', 'frozen.json', '-o', 'g.json'], files);
    expect(r.stderr.trim().split('\n')).toHaveLength(GROUP_FROM - 1);
  });

  test('summary groups identical warnings too; --json keeps every one', async () => {
    const dense = (id: string) => ({ id, kind: 'Dense', params: { units: 4, kernel_init: 'zeros' } });
    const ids = ['d1', 'd2', 'd3', 'd4', 'd5'];
    const doc = {
      format: 'netloom.graph',
      version: 1,
      name: 'alike',
      nodes: [{ id: 'x', kind: 'Input', params: { shape: [4] } }, ...ids.map(dense)],
      edges: ids.map((id, i) => ({ id: `e${i}`, source: i ? ids[i - 1] : 'x', target: id })),
    };
    const files = new Map([['g.json', JSON.stringify(doc)]]);
    const text = (await run(['summary', 'g.json'], files)).stdout;
    expect(text.split('\n').filter((l) => l.startsWith('warning'))).toEqual(['warning d1 (and 4 more like it: d2, d3, d4, d5): Dense has no param "kernel_init", so it is ignored']);
    expect(text).toContain('valid, 5 warnings');
    const json = JSON.parse((await run(['summary', 'g.json', '--json'], files)).stdout);
    expect(json.diagnostics.map((d: { nodeId: string }) => d.nodeId)).toEqual(ids);
  });
});
