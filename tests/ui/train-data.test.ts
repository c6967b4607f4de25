/** The data picker's logic apart from the UI: fitting the graph's input, label-column guesses, CSV and image data prepared for a task. */
import { describe, expect, it } from 'vitest';
import { readCsvTable, type CsvTable } from '../../src/data/csv/table.ts';
import type { Dataset } from '../../src/data/dataset.ts';
import { makeHeartbeats } from '../../src/data/synthetic/heartbeats.ts';
import { csvSampleShape, fitsInput, imageTarget, shapeText } from '../../src/ui/train/data/fit.ts';
import { guessLabelColumn } from '../../src/ui/train/data/csv-columns.ts';
import { splitUserData, summarize, withNormalFirst } from '../../src/ui/train/data/prepare.ts';
import { prepareCsv, prepareDataset } from '../../src/ui/train/data/user-data.ts';
import { english, render } from '../../src/i18n/text.ts';

const table = (text: string): CsvTable => {
  const r = readCsvTable(text);
  if (!r.ok) throw new Error(r.message);
  return r.table;
};

/** n samples of 2 features; labels cycle through `classes`. */
function toy(n: number, classes: string[]): Dataset {
  return {
    shape: [2],
    count: n,
    x: Float32Array.from({ length: n * 2 }, (_, i) => i),
    y: Int32Array.from({ length: n }, (_, i) => i % classes.length),
    classNames: classes,
  };
}

describe('fitting the graph input', () => {
  it('follows the trainer: as many values fit a known input (reshaped), null sizes take anything', () => {
    expect(fitsInput([28, 28, 1], [28, 28, 1])).toBe(true);
    expect(fitsInput([28, 28, 1], [784])).toBe(true);
    expect(fitsInput([28, 28, 1], [null, 784])).toBe(false);
    expect(fitsInput([28, 28, 1], [null, null, 1])).toBe(true);
    expect(fitsInput([28, 28, 1], [32, 32, 3])).toBe(false);
    expect(fitsInput([140], [28, 28, 1])).toBe(false);
    expect(fitsInput([140], null)).toBe(false);
    expect(shapeText([null, 28, 1])).toBe('?×28×1');
  });

  it('resizes images to an H×W×1 or H×W×3 input and says why anything else cannot take images', () => {
    expect(imageTarget([32, 24, 3])).toEqual({ ok: true, height: 32, width: 24, channels: 3 });
    expect(imageTarget([140])).toEqual({ ok: false, why: 'not-image', shape: '140' });
    expect(imageTarget([null, null, 1])).toMatchObject({ ok: false, why: 'unknown-size' });
    expect(imageTarget([28, 28, 4])).toEqual({ ok: false, why: 'channels', channels: 4 });
    expect(imageTarget(null)).toEqual({ ok: false, why: 'no-input' });
  });

  it('reshapes CSV rows to the input when the sizes match, else keeps them flat', () => {
    expect(csvSampleShape(784, [28, 28, 1])).toEqual([28, 28, 1]);
    expect(csvSampleShape(140, [140])).toEqual([140]);
    expect(csvSampleShape(139, [140])).toEqual([139]);
    expect(csvSampleShape(784, [null, 28, 1])).toEqual([784]);
  });
});

describe('guessing the label column', () => {
  it('takes a column named like a label', () => {
    expect(guessLabelColumn(table('a,b,Class\n1,2,3\n4,5,6\n'))).toBe(2);
  });
  it('takes the one text column', () => {
    expect(guessLabelColumn(table('1.5,2,cat\n4,5.5,dog\n1,1,cat\n'))).toBe(2);
  });
  it('takes a last or first column of a few whole numbers (ECG5000-style files)', () => {
    const last = Array.from({ length: 30 }, (_, i) => `${i * 0.1},${i * 0.3},${i % 2}`).join('\n');
    expect(guessLabelColumn(table(last))).toBe(2);
    const first = Array.from({ length: 30 }, (_, i) => `${(i % 5) + 1},${i * 0.1},${i * 0.37}`).join('\n');
    expect(guessLabelColumn(table(first))).toBe(0);
  });
  it('guesses nothing for plain measurements', () => {
    expect(guessLabelColumn(table('0.1,0.2\n0.3,0.4\n0.5,0.7\n'))).toBeNull();
  });
});

describe('preparing user data', () => {
  it('splits 80/20, stratified and seeded, and summarises counts per class', () => {
    const ds = toy(50, ['a', 'b']);
    const s1 = splitUserData(ds);
    const s2 = splitUserData(ds);
    expect(s1.train.count).toBe(40);
    expect(s1.test.count).toBe(10);
    expect([...s1.test.y!].filter((c) => c === 0)).toHaveLength(5);
    expect(s1.test.x).toEqual(s2.test.x);
    const sum = summarize(s1);
    expect(sum).toMatchObject({ samples: 50, train: 40, test: 10, shape: [2], classes: [{ name: 'a', count: 25 }, { name: 'b', count: 25 }], min: 0, max: 99 });
  });

  it('splits unlabelled data too', () => {
    const s = splitUserData({ ...toy(10, ['a']), y: null, classNames: [] });
    expect(s.train.count + s.test.count).toBe(10);
    expect(summarize(s).classes).toBeNull();
  });

  it('moves the normal class first for the anomaly task, keeping every sample', () => {
    const ds = toy(9, ['a', 'b', 'c']);
    const moved = withNormalFirst(ds, 2);
    expect(moved.classNames).toEqual(['c', 'a', 'b']);
    expect([...moved.y!]).toEqual([1, 2, 0, 1, 2, 0, 1, 2, 0]);
    expect(moved.x).toEqual(ds.x);
  });

  it('uses the most frequent class as normal unless the user picks one', () => {
    const beats = makeHeartbeats({ count: 200, abnormalFraction: 0.3, seed: 3 });
    if (!beats.ok) throw new Error(beats.error.message);
    const ds = { ...beats.value, classNames: ['abnormal', 'normal'], y: beats.value.y!.map((c) => 1 - c) };
    const auto = prepareDataset(ds, 'anomaly', null);
    expect(auto.ok && auto.value.normalClass).toBe(1);
    expect(auto.ok && auto.value.split.train.classNames).toEqual(['normal', 'abnormal']);
    const picked = prepareDataset(ds, 'anomaly', 0);
    expect(picked.ok && picked.value.split.train.classNames).toEqual(['abnormal', 'normal']);
    // Other tasks keep the classes as they are.
    const plain = prepareDataset(ds, 'reconstruct', null);
    expect(plain.ok && plain.value.normalClass).toBeNull();
    expect(plain.ok && plain.value.split.train.classNames).toEqual(['abnormal', 'normal']);
  });

  it('refuses too few samples, and classifying without labels or with one class', () => {
    expect(prepareDataset(toy(4, ['a', 'b']), 'classify', null)).toMatchObject({ ok: false, problem: { code: 'too-few', params: { count: 4 } } });
    expect(prepareDataset({ ...toy(10, ['a']), y: null, classNames: [] }, 'classify', null)).toMatchObject({ ok: false, problem: { code: 'needs-labels' } });
    expect(prepareDataset(toy(10, ['cats']), 'classify', null)).toMatchObject({ ok: false, problem: { code: 'one-class', params: { name: 'cats' } } });
    expect(prepareDataset(toy(10, ['cats']), 'reconstruct', null).ok).toBe(true);
    // The anomaly task needs labels to know the normal samples; reconstructing does not.
    expect(prepareDataset({ ...toy(10, ['a']), y: null, classNames: [] }, 'anomaly', null)).toMatchObject({ ok: false, problem: { code: 'needs-labels' } });
    expect(prepareDataset({ ...toy(10, ['a']), y: null, classNames: [] }, 'reconstruct', null).ok).toBe(true);
  });
});

describe('CSV with the chosen columns', () => {
  const good = 'id,x1,x2,label\n' + Array.from({ length: 20 }, (_, i) => `r${i},${i},${i * 2},${i % 2 ? 'yes' : 'no'}`).join('\n');

  it('names the row, column and value of text in a number column, and offers to leave that column out', () => {
    const r = prepareCsv(table(good), 'data.csv', { labelColumn: 3, ignore: [], normalClass: null }, 'classify', [2]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('not-a-number');
    expect(r.problem.column).toBe(0);
    expect(english(r.problem.detail!)).toMatch(/^data\.csv: row 2, column 1 \("id"\): "r0" is not a number/);
    expect(r.problem.params).toMatchObject({ row: 2, column: 1, value: 'r0' });
    const fixed = prepareCsv(table(good), 'data.csv', { labelColumn: 3, ignore: [0], normalClass: null }, 'classify', [2]);
    expect(fixed.ok && fixed.value.summary).toMatchObject({ samples: 20, shape: [2], classes: [{ name: 'no', count: 10 }, { name: 'yes', count: 10 }] });
  });

  it('reads the same table again with other choices (the table is not changed)', () => {
    const t = table('1,2,3,\n4,5,6,\n7,8,9,\n1,1,1,\n2,2,2,\n3,3,3,\n');
    const a = prepareCsv(t, 'f.csv', { labelColumn: null, ignore: [], normalClass: null }, 'reconstruct', null);
    const b = prepareCsv(t, 'f.csv', { labelColumn: null, ignore: [], normalClass: null }, 'reconstruct', null);
    expect(a.ok && a.value.summary.shape).toEqual([3]);
    expect(b.ok && b.value.summary.shape).toEqual([3]);
  });

  it('needs a label column to classify; one-class labels are refused with the label named', () => {
    const one = 'a,b,label\n' + Array.from({ length: 10 }, (_, i) => `${i},${i},same`).join('\n');
    expect(prepareCsv(table(one), 'f.csv', { labelColumn: null, ignore: [], normalClass: null }, 'classify', null)).toMatchObject({ ok: false, problem: { code: 'needs-labels' } });
    const r = prepareCsv(table(one), 'f.csv', { labelColumn: 2, ignore: [], normalClass: null }, 'classify', null);
    expect(r).toMatchObject({ ok: false, problem: { code: 'one-class' } });
    expect(!r.ok && english(r.problem.detail!)).toMatch(/every row has the label "same"/);
    expect(!r.ok && render(r.problem.detail!, 'ko')).toMatch(/모든 행의 레이블이 "same"입니다/);
    // An autoencoder takes the same file.
    expect(prepareCsv(table(one), 'f.csv', { labelColumn: 2, ignore: [], normalClass: null }, 'reconstruct', null).ok).toBe(true);
  });

  it('shapes 784 pixel columns like a 28×28×1 input', () => {
    const rows = Array.from({ length: 6 }, (_, i) => [i % 2, ...new Array(784).fill(i)].join(','));
    const r = prepareCsv(table(rows.join('\n')), 'mnist.csv', { labelColumn: 0, ignore: [], normalClass: null }, 'classify', [28, 28, 1]);
    expect(r.ok && r.value.summary.shape).toEqual([28, 28, 1]);
    expect(r.ok && r.value.summary.max).toBe(5);
  });
});
