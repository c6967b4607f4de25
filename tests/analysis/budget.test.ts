/**
 * The memory budget (src/analysis/budget.ts): a graph that cannot run one
 * sample in what tfjs holds is an error on the node that fills the memory;
 * one that cannot train even one sample at a time is a warning; a batch size
 * too big is a warning or, at training time, a refusal naming one that fits.
 * The estimate agrees with where training really failed on this machine.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { batchThatFits, budgetCaution, budgetRefusal, hintedSettings, largestBatch, studyOnly, TENSOR_MEMORY_LIMIT, trainBytes } from '../../src/analysis/budget.ts';
import { loadGraph } from '../../src/graph/load.ts';
import { english, render } from '../../src/i18n/text.ts';
import { chain, composite, doc, edge, node } from './helpers.ts';

const preset = (file: string) => {
  const r = loadGraph(readFileSync(`graph-presets/${file}`, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};

/** n Conv2D layers of `filters` on a size×size×3 image, 'same' padding: every output size×size×filters. */
const wideConvs = (size: number, filters: number, n: number, training?: Record<string, unknown>) => {
  const g = chain(['image', 'Input', { shape: [size, size, 3] }], ...Array.from({ length: n }, (_, i) => [`conv${i + 1}`, 'Conv2D', { filters, kernelSize: 3, padding: 'same' }] as [string, string, Record<string, unknown>]));
  return training ? { ...g, training } : g;
};

describe('too big to run: an error before anything compiles', () => {
  test('outputs of one sample beyond what tfjs holds: the error names the sizes and sits on the largest output', () => {
    // 1024·1024·256·4 = 1,073,741,824 bytes per conv; four of them and the input: 4.31 GB for one sample.
    const a = analyze(wideConvs(1024, 256, 4));
    expect(a.valid).toBe(false);
    expect(a.diagnostics.map((d) => [d.severity, d.code, d.nodeId])).toEqual([['error', 'too-large-to-run', 'conv1']]);
    expect(a.diagnostics[0]!.message).toBe(
      'one sample needs at least 4.3 GB (7.1 MB of weights, 4.3 GB of layer outputs; conv1 alone outputs 1.1 GB), more than the 4.2 GB tfjs can hold: netloom cannot build or train this graph. Make the input smaller, downsample earlier (strides or pooling), or use fewer filters',
    );
    // Three fit: no error, but training does not (a warning).
    expect(analyze(wideConvs(1024, 256, 3)).diagnostics.map((d) => d.code)).toEqual(['too-large-to-train']);
  });

  test('weights beyond what tfjs holds: the error sits on the layer with the most weights, inside its block', () => {
    // huge: 1,100·1,000,000 + 1,000,000 = 1,101,000,000 weights, 4.40 GB; small: 1,000,000·8 + 8, 32 MB.
    const inner = composite('enc', 'Encoder', [['huge', 'Dense', { units: 1_000_000 }], ['small', 'Dense', { units: 8 }]]);
    const a = analyze(doc([node(['x', 'Input', { shape: [1100] }]), inner], [edge('x', 'enc')]));
    expect(a.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'too-large-to-run', nodeId: 'huge', path: ['enc'] })]);
    expect(a.diagnostics[0]!.message).toMatch(/^one sample needs at least 4\.4 GB \(4\.4 GB of weights, 4\.4 GB of them in huge; 4\.0 MB of layer outputs\)/);
  });

  test('says it in Korean too', () => {
    const [d] = analyze(wideConvs(1024, 256, 4)).diagnostics;
    expect(render(d!.text, 'ko')).toBe(
      '샘플 하나에만 최소 4.3 GB가 필요합니다(가중치 7.1 MB, 층 출력 4.3 GB, 그중 conv1의 출력만 1.1 GB). tfjs가 담을 수 있는 4.2 GB보다 많아 netloom은 이 그래프를 만들거나 학습시킬 수 없습니다. 입력을 줄이거나, 더 앞에서 크기를 줄이거나(strides, 풀링), 필터 수를 줄이세요',
    );
  });

  test('a graph with other errors gets no memory verdict (its totals are partial)', () => {
    const g = wideConvs(1024, 256, 6);
    g.nodes.push(node(['d', 'Dense', { units: 0 }]));
    g.edges.push(edge('conv6', 'd'));
    expect(analyze(g).diagnostics.map((d) => d.code)).toEqual(['bad-param']);
  });
});

describe('batch sizes', () => {
  test("the graph's own batch size too big: a warning naming the power of two that fits", () => {
    // 256·256·64·4 = 16.8 MB per conv, two of them: 34.3 MB of outputs per sample, ×6.7 to train: 230 MB a sample.
    const a = analyze(wideConvs(256, 64, 2, { batchSize: 64 }));
    expect(a.valid).toBe(true);
    expect(a.memory.largestBatch).toBe(18);
    expect(a.diagnostics.map((d) => d.message)).toEqual(['training with batch size 64 (adam) needs about 14.7 GB, more than the 4.2 GB tfjs can hold: batch size 16 fits']);
    expect(analyze(wideConvs(256, 64, 2, { batchSize: 16 })).diagnostics).toEqual([]);
  });

  test('the training check refuses a batch that does not fit, naming one that does; one that fits passes', () => {
    const t = analyze(wideConvs(256, 64, 2)).totals;
    const refusal = budgetRefusal(t, { batchSize: 512, optimizer: 'adam' });
    expect(english(refusal!)).toBe('training with batch size 512 and adam needs about 118 GB, more than the 4.2 GB tfjs can hold: choose batch size 16 or smaller');
    expect(budgetRefusal(t, { batchSize: 16, optimizer: 'adam' })).toBeNull();
    expect(trainBytes(t, { batchSize: 16, optimizer: 'adam' })).toBeLessThanOrEqual(TENSOR_MEMORY_LIMIT);
    expect(trainBytes(t, { batchSize: largestBatch(t, 'adam') + 1, optimizer: 'adam' })).toBeGreaterThan(TENSOR_MEMORY_LIMIT);
  });

  test('when no batch size fits, the refusal says so instead of naming one', () => {
    const t = analyze(chain(['x', 'Input', { shape: [784] }], ['d', 'Dense', { units: 80000 }])).totals;
    expect(largestBatch(t, 'adam')).toBe(0);
    expect(english(budgetRefusal(t, { batchSize: 8, optimizer: 'adam' })!)).toMatch(/^training needs about 5\.0 GB even with batch size 1 and adam, more than the 4\.2 GB tfjs can hold: too big to train in a browser/);
    // sgd keeps no moments: the same weights train.
    expect(budgetRefusal(t, { batchSize: 8, optimizer: 'sgd' })).toBeNull();
  });

  test('a run that fits but needs more than the app starts without asking: a caution, not a refusal', () => {
    const t = analyze(wideConvs(256, 64, 2)).totals;
    expect(budgetCaution(t, { batchSize: 4, optimizer: 'adam' })).toBeNull();
    expect(english(budgetCaution(t, { batchSize: 8, optimizer: 'adam' })!)).toBe(
      'training with batch size 8 and adam needs about 1.8 GB: within the 4.2 GB tfjs can hold, but above 1.1 GB, where the app asks before it starts',
    );
    expect(budgetCaution(t, { batchSize: 32, optimizer: 'adam' })).toBeNull(); // refused instead
  });

  test('batchThatFits is the largest power of two not above the largest batch', () => {
    expect([1, 2, 3, 18, 64, 3092].map(batchThatFits)).toEqual([1, 2, 2, 16, 64, 2048]);
  });

  test('hinted settings: only a whole batch size in range and a known optimizer count', () => {
    expect(hintedSettings({ batchSize: 8, optimizer: 'sgd' })).toEqual({ batchSize: 8, optimizer: 'sgd' });
    for (const bad of [undefined, null, 7, 'x', [], { batchSize: 0 }, { batchSize: 1.5 }, { batchSize: 1e9 }, { batchSize: '8' }, { optimizer: 'toString' }, { optimizer: '__proto__' }]) {
      expect(hintedSettings(bad)).toEqual({ batchSize: 32, optimizer: 'adam' });
    }
  });

  test('analysis never throws on odd training hints', () => {
    const g = { ...chain(['x', 'Input', { shape: [4] }], ['d', 'Dense', { units: 2 }]), training: Object.create(null) as Record<string, unknown> };
    expect(analyze(g).valid).toBe(true);
    expect(analyze({ ...g, training: 'fast' as unknown as Record<string, unknown> }).memory.settings).toEqual({ batchSize: 32, optimizer: 'adam' });
  });
});

describe('calibrated on this machine', () => {
  test('mnist-cnn: the estimate allows batch 3,072 (trained, heap 3.88 GiB) and refuses 3,328 (failed)', () => {
    const t = analyze(preset('mnist-cnn.json')).totals;
    expect(budgetRefusal(t, { batchSize: 3072, optimizer: 'adam' })).toBeNull();
    expect(budgetRefusal(t, { batchSize: 3328, optimizer: 'adam' })).not.toBeNull();
  });

  test('the course: every trainable preset fits with its own settings, the published big ones are for study', () => {
    const files = ['mnist-cnn', 'resnet-mini', 'unet-small', 'dcgan', 'pix2pix', 'cyclegan', 'detector', 'fcn-small', 'vgg16', 'resnet50', 'googlenet', 'unet', 'fcn'];
    const verdicts = Object.fromEntries(files.map((f) => [f, studyOnly(analyze(preset(`${f}.json`)).totals, analyze(preset(`${f}.json`)).memory)?.why ?? 'trains']));
    expect(verdicts).toEqual({
      'mnist-cnn': 'trains',
      'resnet-mini': 'trains',
      'unet-small': 'trains',
      dcgan: 'trains',
      pix2pix: 'trains',
      cyclegan: 'trains',
      detector: 'trains',
      'fcn-small': 'trains',
      vgg16: 'any-batch',
      resnet50: 'batch',
      googlenet: 'batch',
      unet: 'any-batch',
      fcn: 'any-batch',
    });
  });
});
