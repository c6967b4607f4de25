import { describe, expect, test } from 'vitest';
import { parseCsvDataset, type CsvDatasetOptions } from '../../src/data/csv/csv-dataset.ts';
import { readCsvTable } from '../../src/data/csv/table.ts';
import { detectDelimiter, tokenizeCsv } from '../../src/data/csv/tokenize.ts';
import { makeHeartbeats } from '../../src/data/synthetic/heartbeats.ts';

const last: CsvDatasetOptions = { labelColumn: -1 };

function parsed(text: string, options: CsvDatasetOptions = last) {
  const r = parseCsvDataset(text, options);
  if (!r.ok) throw new Error(`unexpected error: ${r.error.message}`);
  return r.value;
}
function error(text: string, options: CsvDatasetOptions = last) {
  const r = parseCsvDataset(text, options);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('tokenizer', () => {
  test('BOM, CRLF, blank lines and rows of only delimiters are handled; rows keep their file line', () => {
    const r = tokenizeCsv('\uFEFFa,b\r\n\r\n1,2\r\n,,\r\n3,4\r\n');
    expect(r.ok && r.rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
      { line: 5, cells: ['3', '4'] },
    ]);
  });

  test('quoted fields hold delimiters, doubled quotes and line breaks; later rows keep their true line', () => {
    const r = tokenizeCsv('name,note\n"a, b","say ""hi"""\n"multi\nline",x\nlast,y');
    expect(r.ok && r.rows).toEqual([
      { line: 1, cells: ['name', 'note'] },
      { line: 2, cells: ['a, b', 'say "hi"'] },
      { line: 3, cells: ['multi\nline', 'x'] },
      { line: 5, cells: ['last', 'y'] },
    ]);
  });

  test('old Mac CR line ends', () => {
    const r = tokenizeCsv('1,2\r3,4\r');
    expect(r.ok && r.rows.map((x) => x.cells)).toEqual([['1', '2'], ['3', '4']]);
  });

  test('an unclosed quote names the row where it starts', () => {
    expect(tokenizeCsv('a,b\n1,"2\n3,4\n')).toMatchObject({ ok: false, line: 2, message: 'row 2: a quoted field starts here and is never closed', text: { key: 'data.csv.open-quote' } });
  });

  test('delimiter detection: comma, semicolon, tab, runs of spaces', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('  1.0000000e+00 -1.1e-01  2.5e-01\n  2.0e+00 3.0e-01 4.0e-01\n')).toBe('whitespace');
    expect(detectDelimiter('1\n2\n3\n')).toBe(',');
  });
});

describe('header detection', () => {
  const header = (text: string) => {
    const t = readCsvTable(text);
    return t.ok && t.table.hasHeader;
  };
  test('text names over numbers is a header; numbers and a text label column are not', () => {
    expect(header('a,b,label\n1,2,cat\n3,4,dog')).toBe(true);
    expect(header('1,2,cat\n3,4,dog')).toBe(false);
    expect(header('1,2,3\n4,5,6')).toBe(false);
  });
  test('column numbers (as pandas writes them) are a header', () => {
    expect(header('0,1,2,3,4,5,6,7\n0.5,0.1,0.2,1,2,3,4,1\n')).toBe(true);
    expect(header('1,2,3,4,5,6,7,8\n0.5,0.1,0.2,1,2,3,4,1\n')).toBe(true);
    expect(header('1,2,3\n0.5,0.1,0\n')).toBe(false); // too narrow to tell from data
  });
  test('one typo in the first row is not mistaken for a header', () => {
    expect(header('1,abc,3\n4,5,6')).toBe(false);
    expect(error('1,abc,3\n4,5,6').message).toBe('row 1, column 2: "abc" is not a number');
  });
  test('the user can force it either way', () => {
    const t = readCsvTable('1,2,3\n4,5,6', { header: true });
    expect(t.ok && t.table.columns).toEqual(['1', '2', '3']);
  });
});

describe('CSV → dataset', () => {
  test('an ECG5000-like file: 140 values + label, no header', () => {
    const beats = makeHeartbeats({ count: 50, seed: 3 });
    if (!beats.ok) throw new Error('no beats');
    const { x, y } = beats.value;
    const lines = Array.from({ length: 50 }, (_, i) => [...x.subarray(i * 140, (i + 1) * 140)].map(String).concat(y![i] === 0 ? '1.0' : '0.0').join(','));
    const d = parsed(lines.join('\n') + '\n');
    expect(d.hasHeader).toBe(false);
    expect(d.dataset.shape).toEqual([140]);
    expect(d.dataset.count).toBe(50);
    expect(d.dataset.classNames).toEqual(['0', '1']); // "1.0" and "1" would be one class
    expect(d.dataset.x).toEqual(x);
    expect(Array.from(d.dataset.y!)).toEqual(Array.from(y!, (v) => (v === 0 ? 1 : 0)));
    expect(d.labelName).toBe('column 141');
  });

  test('label by name in the middle, an ignored id column, text labels sorted', () => {
    const d = parsed('id,x1,label,x2\n7,1.5,dog,2\n8,-2e-3,cat,+4\n9,.5,dog,0\n', { labelColumn: 'label', ignoreColumns: ['id'] });
    expect(d.featureNames).toEqual(['x1', 'x2']);
    expect(Array.from(d.dataset.x)).toEqual([1.5, 2, -0.002, 4, 0.5, 0].map(Math.fround));
    expect(d.dataset.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(d.dataset.y!)).toEqual([1, 0, 1]);
  });

  test('numeric labels sort numerically', () => {
    expect(parsed('1,10\n2,9\n3,2\n').dataset.classNames).toEqual(['2', '9', '10']);
  });

  test('no label column: unlabeled data for autoencoders', () => {
    const d = parsed('1,2\n3,4\n', { labelColumn: null });
    expect(d.dataset.y).toBeNull();
    expect(d.dataset.shape).toEqual([2]);
  });

  test('semicolons with decimal commas, tabs, and the UCR whitespace format', () => {
    expect(Array.from(parsed('a;b;c\n1,5;2;x\n3;4,25;y\n').dataset.x)).toEqual([1.5, 2, 3, 4.25]);
    expect(Array.from(parsed('1\t2\ta\n3\t4\tb\n').dataset.x)).toEqual([1, 2, 3, 4]);
    const ucr = parsed('  1.0000000e+00 -1.5e-01  2.5e-01\n  2.0000000e+00  3.0e-01 -4.0e-01\n', { labelColumn: 0 });
    expect(ucr.dataset.classNames).toEqual(['1', '2']);
    expect(Array.from(ucr.dataset.x)).toEqual([-0.15, 0.25, 0.3, -0.4].map(Math.fround));
  });

  test('a trailing delimiter on every line is tolerated', () => {
    expect(parsed('a,b,label,\n1,2,x,\n3,4,y,\n', { labelColumn: 'label' }).dataset.count).toBe(2);
    expect(parsed('1,2,x,\n3,4,y,\n', { labelColumn: 2 }).dataset.shape).toEqual([2]);
  });
});

describe('bad CSV input gets a clear message', () => {
  test('text in a numeric column names the row, the column and the value, and counts the rest', () => {
    const e = error('t,v1,v2,label\n0.1,1,2,a\n0.2,oops,3,b\n0.3,4,n/a,a\n', { labelColumn: 'label' });
    expect(e).toEqual({
      code: 'not-a-number',
      message: 'row 3, column 2 ("v1"): "oops" is not a number (1 more cell like it)',
      text: expect.objectContaining({ key: 'data.csv.bad-cell' }),
      file: undefined,
      row: 3,
      column: 2,
      columnName: 'v1',
      value: 'oops',
    });
  });

  test('a whole column of text suggests choosing it as the label', () => {
    const e = error('name,a,b\nx,1,2\ny,3,4\n', { labelColumn: 'b', fileName: 'data.csv' });
    expect(e.message).toBe('data.csv: row 2, column 1 ("name"): "x" is not a number (1 more cell like it); the whole column is text: choose it as the label or leave it out');
  });

  test('an empty numeric cell', () => {
    expect(error('a,b,l\n1,,x\n2,3,y\n').message).toBe('row 2, column 2 ("b"): is empty');
  });

  test('rows of unequal length', () => {
    expect(error('a,b,c\n1,2,3\n4,5\n').message).toBe('row 3 has 2 values, but the header has 3; every row needs the same number of values');
    expect(error('1,2,3\n4,5,6,7\n').message).toBe('row 2 has 4 values, but row 1 has 3; every row needs the same number of values');
  });

  test('labels with one class only', () => {
    const e = error('a,b,label\n1,2,ok\n3,4,ok\n', { labelColumn: 'label' });
    expect(e.code).toBe('one-class');
    expect(e.message).toBe('needs at least 2 classes to classify; every row has the label "ok" (column 3 ("label"))');
  });

  test('no rows: an empty file, blank lines only, a header only', () => {
    expect(error('').message).toBe('the file is empty: no rows');
    expect(error('\uFEFF\r\n\r\n  \n').message).toBe('the file is empty: no rows');
    expect(error('a,b,label\n').message).toBe('the file has a header but no data rows');
  });

  test('a label column that does not exist, or an empty label', () => {
    expect(error('a,b\n1,2\n', { labelColumn: 'target' }).message).toBe('there is no label column named "target"; the columns are "a", "b"');
    expect(error('1,2\n3,4\n', { labelColumn: 5 }).message).toBe('there is no label column 5: the file has 2 columns');
    expect(error('a,l\n1,x\n2, \n', { labelColumn: 'l' }).message).toBe('row 3: the label (column 2 ("l")) is empty');
  });

  test('an unclosed quote', () => {
    expect(error('a,b\n1,"2\n').message).toBe('row 2: a quoted field starts here and is never closed');
  });

  test('only a label column left', () => {
    expect(error('a\n1\n2\n', { labelColumn: 0 }).message).toBe('no feature columns are left besides the label and ignored columns');
  });

  test('never throws, whatever the input', () => {
    for (const text of ['"', '""', ',', '\n,\n', '"a"b,c', 'a,b\n"1"x,2', '\u0000', 'NaN,1\nInfinity,0']) {
      expect(() => parseCsvDataset(text, last)).not.toThrow();
      expect(() => parseCsvDataset(text, { labelColumn: 'nope' })).not.toThrow();
    }
    expect(error('NaN,1\nInfinity,0\n').message).toBe('row 1, column 1: "NaN" is not a number (1 more cell like it); the whole column is text: choose it as the label or leave it out');
  });
});
