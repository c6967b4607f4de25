/**
 * The output-size formula of every shape-changing kind without a window,
 * with the user's numbers (as the inspector shows it), its axis named and
 * its symbols explained in English and Korean.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { Formula } from '../../src/nodes/spec.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { render } from '../../src/i18n/text.ts';
import { chain, doc, edge, node } from './helpers.ts';

const formulasOf = (d: GraphDoc, id: string): Formula[] => analyze(d).nodes.get(id)!.formulas;
const numeric = (d: GraphDoc, id: string) => formulasOf(d, id).map((f) => f.numeric);
const named = (fs: Formula[], lang: 'en' | 'ko') => fs.map((f) => `${render(f.axisText!, lang)}: ${f.numeric}`);

describe('Cropping2D and ZeroPadding2D', () => {
  test("the original U-Net's crop1 reads 568 − 2·88 = 392 on both axes", () => {
    const unet = JSON.parse(readFileSync('graph-presets/unet.json', 'utf8')) as GraphDoc;
    const fs = formulasOf(unet, 'crop1');
    expect(fs.map((f) => [f.axis, f.symbolic, f.numeric])).toEqual([
      ['height', 'N − 2c', '568 − 2·88 = 392'],
      ['width', 'N − 2c', '568 − 2·88 = 392'],
    ]);
    expect(named(fs, 'ko')).toEqual(['높이: 568 − 2·88 = 392', '너비: 568 − 2·88 = 392']);
    expect(render(fs[0]!.legend!, 'en')).toContain('c = rows (height) or columns (width) cut off each side');
  });

  test('uneven sides are written out one by one, per axis', () => {
    const d = chain(['x', 'Input', { shape: [31, 20, 3] }], ['c', 'Cropping2D', { cropping: [[0, 1], [2, 2]] }]);
    expect(formulasOf(d, 'c').map((f) => [f.symbolic, f.numeric])).toEqual([
      ['N − c₁ − c₂', '31 − 0 − 1 = 30'],
      ['N − 2c', '20 − 2·2 = 16'],
    ]);
    expect(analyze(d).nodes.get('c')!.outputs).toEqual([[30, 16, 3]]);
  });

  test('a crop that leaves nothing still shows its arithmetic beside the error', () => {
    const d = chain(['x', 'Input', { shape: [4, 4, 1] }], ['c', 'Cropping2D', { cropping: 2 }]);
    expect(numeric(d, 'c')).toEqual(['4 − 2·2 = 0', '4 − 2·2 = 0']);
    expect(analyze(d).valid).toBe(false);
  });

  test('ZeroPadding2D adds, and an unknown size gives no formula for that axis', () => {
    const d = chain(['x', 'Input', { shape: [null, 27, 1] }], ['p', 'ZeroPadding2D', { padding: [[0, 0], [0, 1]] }]);
    const fs = formulasOf(d, 'p');
    expect(fs.map((f) => [f.axis, f.symbolic, f.numeric])).toEqual([['width', 'N + p₁ + p₂', '27 + 0 + 1 = 28']]);
    expect(numeric(chain(['x', 'Input', { shape: [28, 28, 1] }], ['p', 'ZeroPadding2D', {}]), 'p')).toEqual(['28 + 2·1 = 30', '28 + 2·1 = 30']);
  });
});

describe('UpSampling2D, Flatten, Reshape, global pooling', () => {
  test('UpSampling2D names its axes and its symbols', () => {
    const fs = formulasOf(chain(['x', 'Input', { shape: [7, 5, 2] }], ['u', 'UpSampling2D', { size: [2, 3] }]), 'u');
    expect(named(fs, 'en')).toEqual(['height: 7 · 2 = 14', 'width: 5 · 3 = 15']);
    expect(render(fs[0]!.legend!, 'ko')).toContain('size');
  });

  test('Flatten multiplies height, width and channels', () => {
    const fs = formulasOf(chain(['x', 'Input', { shape: [7, 7, 64] }], ['f', 'Flatten']), 'f');
    expect(fs.map((f) => [f.symbolic, f.numeric])).toEqual([['H · W · C', '7 · 7 · 64 = 3136']]);
    expect(named(fs, 'ko')).toEqual(['값 개수: 7 · 7 · 64 = 3136']);
    expect(numeric(chain(['x', 'Input', { shape: [3, 5] }], ['f', 'Flatten']), 'f')).toEqual(['3 · 5 = 15']);
  });

  test('Reshape: the product of the new sizes, and −1 as what is left', () => {
    const d = chain(['x', 'Input', { shape: [392] }], ['r', 'Reshape', { targetShape: [7, 7, 8] }]);
    expect(formulasOf(d, 'r').map((f) => [f.symbolic, f.numeric])).toEqual([['d₁ · d₂ · d₃', '7 · 7 · 8 = 392']]);
    const free = chain(['x', 'Input', { shape: [7, 7, 8] }], ['r', 'Reshape', { targetShape: [-1, 8] }]);
    const fs = formulasOf(free, 'r');
    expect(fs.map((f) => [f.symbolic, f.numeric])).toEqual([
      ['N / d₂', '392 / 8 = 49'],
      ['d₁ · d₂', '49 · 8 = 392'],
    ]);
    expect(named(fs, 'en')[0]).toBe('axis 1 (−1): 392 / 8 = 49');
    expect(named(fs, 'ko')[0]).toBe('1번 축 (−1): 392 / 8 = 49');
    const middle = chain(['x', 'Input', { shape: [24] }], ['r', 'Reshape', { targetShape: [2, -1, 3] }]);
    expect(numeric(middle, 'r')).toEqual(['24 / (2 · 3) = 4', '2 · 4 · 3 = 24']);
  });

  test('global pooling keeps one value per channel', () => {
    const avg = formulasOf(chain(['x', 'Input', { shape: [7, 7, 64] }], ['g', 'GlobalAveragePooling2D']), 'g');
    expect(avg.map((f) => [f.symbolic, f.numeric])).toEqual([['H · W · C → C', '7 · 7 · 64 → 64']]);
    expect(render(avg[0]!.legend!, 'en')).toContain('mean');
    const max = formulasOf(chain(['x', 'Input', { shape: [null, null, 4] }], ['g', 'GlobalMaxPooling2D']), 'g');
    expect(max[0]!.numeric).toBe('? · ? · 4 → 4');
    expect(render(max[0]!.legend!, 'en')).toContain('largest');
  });
});

describe('Concatenate', () => {
  const four = (sizes: number[]) =>
    doc(
      [node(['x', 'Input', { shape: [28, 28, 192] }]), ...sizes.map((f, i) => node([`b${i}`, 'Conv2D', { filters: f, kernelSize: 1 }])), node(['cat', 'Concatenate'])],
      [...sizes.map((_, i) => edge('x', `b${i}`)), ...sizes.map((_, i) => edge(`b${i}`, 'cat', { targetHandle: `in${i}` }))],
    );

  test("inception_3a's channels add up: 64 + 128 + 32 + 32 = 256", () => {
    const fs = formulasOf(four([64, 128, 32, 32]), 'cat');
    expect(fs.map((f) => [f.symbolic, f.numeric])).toEqual([['C₁ + C₂ + C₃ + C₄', '64 + 128 + 32 + 32 = 256']]);
    expect(named(fs, 'ko')).toEqual(['채널: 64 + 128 + 32 + 32 = 256']);
    const googlenet = JSON.parse(readFileSync('graph-presets/googlenet.json', 'utf8')) as GraphDoc;
    const inner = analyze(googlenet).nodes.get('inception_3')!.inner!.nodes.get('inception_3a')!.inner!;
    expect(inner.nodes.get('concat')!.formulas.map((f) => f.numeric)).toEqual(['64 + 128 + 32 + 32 = 256']);
  });

  test('vectors join along their one axis, named by its Keras number', () => {
    const d = doc([node(['a', 'Input', { shape: [8] }]), node(['b', 'Input', { shape: [2] }]), node(['cat', 'Concatenate'])], [edge('a', 'cat'), edge('b', 'cat')]);
    expect(named(formulasOf(d, 'cat'), 'en')).toEqual(['axis 1: 8 + 2 = 10']);
  });

  test('a mismatch shows no sum (the error says what to fix)', () => {
    const d = doc(
      [node(['a', 'Input', { shape: [4, 4, 3] }]), node(['b', 'Input', { shape: [5, 5, 3] }]), node(['cat', 'Concatenate'])],
      [edge('a', 'cat'), edge('b', 'cat')],
    );
    expect(formulasOf(d, 'cat')).toEqual([]);
  });
});
