import { describe, expect, test } from 'vitest';
// lz-string is CommonJS: its default export works under both Vite and Node.
import LZString from 'lz-string';
import { decodeShareHash, encodeShareHash, shareUrl } from '../../src/ui/persist/shareLink.ts';
import { classifyStorageError, StorageUnavailable } from '../../src/ui/persist/storageError.ts';
import { createSaver, type SaveResult } from '../../src/ui/persist/saver.ts';
import { fileNameFor, fileStem } from '../../src/ui/persist/fileName.ts';
import { GRAPH_JSON, KERAS, TYPESCRIPT } from '../../src/ui/code/sources.ts';
import { modelFileNames } from '../../src/ui/train/download.ts';
import { MAX_SLOTS, pickStart, slotsToDrop, type SlotInfo } from '../../src/ui/persist/choose.ts';
import { docRecord, readDocRecord } from '../../src/ui/persist/records.ts';
import { readWeightsRecord, weightsRecord } from '../../src/ui/persist/weights-record.ts';
import type { ImportedWeights } from '../../src/import/types.ts';
import { emptyDoc, type GraphDoc } from '../../src/graph/schema.ts';
import { saveGraph } from '../../src/graph/load.ts';

const doc: GraphDoc = {
  ...emptyDoc('Tiny <img onerror=alert(1)>'),
  nodes: [
    { id: 'in', kind: 'Input', params: { shape: [4] }, position: { x: 0, y: 0 } },
    { id: 'd', kind: 'Dense', params: { units: 2 }, position: { x: 10, y: 120 }, label: '한국어 ✓' },
  ],
  edges: [{ id: 'e1', source: 'in', target: 'd' }],
};

describe('share links', () => {
  test('round-trip a document exactly', () => {
    const hash = encodeShareHash(doc);
    expect(hash.startsWith('#g=')).toBe(true);
    expect(hash).toMatch(/^#g=[A-Za-z0-9+\-$]*$/);
    const r = decodeShareHash(hash);
    expect(r).toEqual({ kind: 'ok', doc });
  });
  test('a full URL replaces an existing hash', () => {
    expect(shareUrl('http://x/app/#old', doc)).toBe(`http://x/app/${encodeShareHash(doc)}`);
    expect(shareUrl('http://x/', doc)).toBe(`http://x/${encodeShareHash(doc)}`);
  });
  test('no hash, another hash → none', () => {
    expect(decodeShareHash('')).toEqual({ kind: 'none' });
    expect(decodeShareHash('#section')).toEqual({ kind: 'none' });
  });
  test('empty, damaged or cut-off links are bad, never thrown', () => {
    for (const h of ['#g=', '#g=%%%', '#g=not lz at all ☃', encodeShareHash(doc).slice(0, 20)]) {
      const r = decodeShareHash(h);
      expect(r.kind, h).toBe('bad');
    }
  });
  test('a link holding an invalid graph says what is wrong, like a file would', () => {
    const tooNew = decodeShareHash('#g=' + LZString.compressToEncodedURIComponent(saveGraph({ ...doc, version: 99 })));
    expect(tooNew).toMatchObject({ kind: 'bad', error: { code: 'version-too-new' } });
    const broken = decodeShareHash('#g=' + LZString.compressToEncodedURIComponent('{"format": "netloom.graph",\n  "nodes": [}'));
    expect(broken).toMatchObject({ kind: 'bad', error: { code: 'json', line: 2 } });
    const proto = decodeShareHash('#g=' + LZString.compressToEncodedURIComponent('{"__proto__": {"polluted": 1}}'));
    expect(proto).toMatchObject({ kind: 'bad', error: { code: 'forbidden-key' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  test('a short link that would expand past the file limit is refused before it is expanded', () => {
    // 600,000 characters from a link of ~2,000 (the growth is quadratic: 75 KB reach 512 MB); lz-string
    // would build the whole string first. A cap of 0.5 MB stands in for the 16 MB one to keep this quick.
    const hash = '#g=' + LZString.compressToEncodedURIComponent('a'.repeat(600_000));
    expect(hash.length).toBeLessThan(3_000);
    expect(decodeShareHash(hash, 512 * 1024)).toMatchObject({ kind: 'bad', error: { code: 'link', message: expect.stringContaining('larger than 0.5 MB') } });
    expect(decodeShareHash(hash, 1024 * 1024)).toMatchObject({ kind: 'bad', error: { code: 'json' } });
  });
});

describe('storage error classification', () => {
  const dom = (name: string, code?: number) => Object.assign(new Error('x'), { name, ...(code === undefined ? {} : { code }) });
  test('quota in every spelling', () => {
    expect(classifyStorageError(dom('QuotaExceededError'))).toBe('quota');
    expect(classifyStorageError(dom('NS_ERROR_DOM_QUOTA_REACHED'))).toBe('quota');
    expect(classifyStorageError(dom('Error', 22))).toBe('quota');
    expect(classifyStorageError(dom('Error', 1014))).toBe('quota');
    expect(classifyStorageError(new Error('Maximum quota exceeded'))).toBe('quota');
    expect(classifyStorageError({ name: 'QuotaExceededError' })).toBe('quota');
  });
  test('no usable storage', () => {
    expect(classifyStorageError(new StorageUnavailable('no indexedDB'))).toBe('unavailable');
    expect(classifyStorageError(dom('InvalidStateError'))).toBe('unavailable');
    expect(classifyStorageError(dom('SecurityError'))).toBe('unavailable');
  });
  test('anything else', () => {
    expect(classifyStorageError(new TypeError('boom'))).toBe('other');
    expect(classifyStorageError(null)).toBe('other');
    expect(classifyStorageError('quota?')).toBe('other');
    expect(classifyStorageError(undefined)).toBe('other');
  });
});

/** A hand-driven clock. */
function fakeTimers() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    setTimer: (fn: () => void, ms: number) => {
      timers.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimer: (h: unknown) => void timers.delete(h as number),
    async advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(id);
          t.fn();
        }
      }
      for (let i = 0; i < 10; i++) await Promise.resolve();
    },
    count: () => timers.size,
  };
}

describe('debounced saver', () => {
  function setup(write: (v: number) => Promise<void>) {
    const clock = fakeTimers();
    const results: SaveResult[] = [];
    const saver = createSaver<number>({ write, delayMs: 300, setTimer: clock.setTimer, clearTimer: clock.clearTimer, onResult: (r) => results.push(r) });
    return { clock, results, saver };
  }

  test('many changes within the delay → one write of the newest', async () => {
    const written: number[] = [];
    const { clock, saver } = setup(async (v) => void written.push(v));
    for (let i = 1; i <= 5; i++) {
      saver.schedule(i);
      await clock.advance(50);
    }
    expect(written).toEqual([]);
    await clock.advance(100);
    expect(written).toEqual([5]);
    expect(saver.pending()).toBe(false);
  });

  test('continuous changes do not postpone the write forever', async () => {
    const written: number[] = [];
    const { clock, saver } = setup(async (v) => void written.push(v));
    for (let i = 1; i <= 20; i++) {
      saver.schedule(i);
      await clock.advance(100);
    }
    // A write at least every 300 ms.
    expect(written.length).toBeGreaterThanOrEqual(6);
    expect(written.at(-1)).toBeGreaterThanOrEqual(18);
  });

  test('flush writes now and cancels the timer', async () => {
    const written: number[] = [];
    const { clock, saver } = setup(async (v) => void written.push(v));
    saver.schedule(7);
    await saver.flush();
    expect(written).toEqual([7]);
    expect(clock.count()).toBe(0);
    await saver.flush();
    expect(written).toEqual([7]);
  });

  test('writes never overlap; a value arriving mid-write is written after it', async () => {
    let active = 0;
    let maxActive = 0;
    const written: number[] = [];
    const gates: (() => void)[] = [];
    const { clock, saver } = setup(async (v) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise<void>((r) => gates.push(r));
      written.push(v);
      active--;
    });
    saver.schedule(1);
    await clock.advance(300);
    saver.schedule(2);
    const f = saver.flush();
    saver.schedule(3);
    const g = saver.flush();
    while (gates.length || active) {
      gates.shift()?.();
      await clock.advance(0);
    }
    await Promise.all([f, g]);
    expect(maxActive).toBe(1);
    expect(written).toEqual([1, 3]);
  });

  test('a failed write is reported, kept pending and retried by flush; the next success clears it', async () => {
    let fail = true;
    const written: number[] = [];
    const { clock, results, saver } = setup(async (v) => {
      if (fail) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      written.push(v);
    });
    saver.schedule(1);
    await clock.advance(300);
    expect(results).toHaveLength(1);
    expect(results[0]!.ok).toBe(false);
    expect(saver.pending()).toBe(true);
    fail = false;
    await saver.flush();
    expect(written).toEqual([1]);
    expect(results.at(-1)).toEqual({ ok: true });
    expect(saver.pending()).toBe(false);
  });
});

describe('which autosaved document a new tab opens, and which old ones go', () => {
  const HOUR = 3_600_000;
  const now = 1_000 * HOUR;
  /** Newest first, as listSlots gives them. */
  const slots = (n: number, nodes = 3): SlotInfo[] => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, savedAt: now - i * HOUR, nodes }));

  test('nothing stored → nothing to open', () => {
    expect(pickStart([], new Set())).toBeNull();
  });
  test('the newest: carried on when no tab has it open, a copy when one does or nobody can tell', () => {
    const s = slots(3);
    expect(pickStart(s, new Set(['mine']))).toEqual({ slot: s[0], how: 'adopt' });
    expect(pickStart(s, new Set(['mine', 's0']))).toEqual({ slot: s[0], how: 'copy' });
    expect(pickStart(s, null)).toEqual({ slot: s[0], how: 'copy' });
  });
  test('up to the cap nothing goes; beyond it the oldest closed ones, never an open one or this tab’s', () => {
    expect(slotsToDrop(slots(MAX_SLOTS), new Set(), 'mine', now)).toEqual([]);
    const many = slots(MAX_SLOTS + 5);
    expect(slotsToDrop(many, new Set(), 'mine', now).map((s) => s.id)).toEqual(['s20', 's21', 's22', 's23', 's24']);
    expect(slotsToDrop(many, new Set(['s21', 's24']), 's23', now).map((s) => s.id)).toEqual(['s20', 's22']);
  });
  test('empty documents are not worth recovering, unless a tab has one open', () => {
    const s = [...slots(2), { id: 'e1', savedAt: now, nodes: 0 }, { id: 'e2', savedAt: now, nodes: 0 }];
    expect(slotsToDrop(s, new Set(['e2']), 'mine', now).map((x) => x.id)).toEqual(['e1']);
  });
  test('without Web Locks, only documents older than a day may go (one saved lately may be open in a tab)', () => {
    const s = [{ id: 'e', savedAt: now - 10 * 60_000, nodes: 0 }, ...slots(MAX_SLOTS + 3).map((x, i) => (i > MAX_SLOTS ? { ...x, savedAt: now - i * 2 * HOUR } : x))];
    // The empty one (ten minutes old) and s19, s20 beyond the cap (19 and 20 hours old) may be open; s21 and s22 (42 and 44 hours) may go.
    expect(slotsToDrop(s, null, 'mine', now).map((x) => x.id)).toEqual(['s21', 's22']);
  });
});

describe('autosave records', () => {
  test('a document record carries its name and node count for the list, and reads back validated', () => {
    const rec = docRecord(doc, 1234);
    expect(rec).toMatchObject({ format: 'netloom.autosave', savedAt: 1234, name: doc.name, nodes: 2 });
    expect(readDocRecord(rec)).toEqual({ ok: true, doc, savedAt: 1234 });
    expect(readDocRecord({ format: 'netloom.autosave', savedAt: 1, text: '{"format":"netloom.graph","version":9}' })).toMatchObject({ ok: false, error: { code: 'version-too-new' } });
    expect(readDocRecord('junk')).toMatchObject({ ok: false, error: { code: 'record' } });
  });
  test('weights are one binary buffer that reads back exactly (float32, int32, bool), with their source', () => {
    const weights: ImportedWeights = new Map([
      ['conv1/kernel', { shape: [3, 3, 1, 2], dtype: 'float32', data: Float32Array.from({ length: 18 }, (_, i) => i / 7 - 1) }],
      ['conv1/bias', { shape: [2], dtype: 'float32', data: new Float32Array([0.5, -0.25]) }],
      ['steps', { shape: [1], dtype: 'int32', data: new Int32Array([42]) }],
      ['mask', { shape: [3], dtype: 'bool', data: new Uint8Array([1, 0, 1]) }],
    ]);
    const rec = weightsRecord(weights, 'trained');
    expect(rec.bin).toBeInstanceOf(ArrayBuffer);
    expect(rec.bin.byteLength).toBe(18 * 4 + 2 * 4 + 4 + 3);
    const back = readWeightsRecord(rec);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.source).toBe('trained');
    expect([...back.weights.keys()]).toEqual([...weights.keys()]);
    for (const [k, w] of weights) {
      const b = back.weights.get(k)!;
      expect(b.shape).toEqual(w.shape);
      expect(b.dtype).toBe(w.dtype);
      expect([...b.data]).toEqual([...w.data]);
    }
  });
  test('a damaged weights record is said, never thrown', () => {
    const rec = weightsRecord(new Map([['d/kernel', { shape: [4, 4], dtype: 'float32', data: new Float32Array(16) }]]), 'model.json');
    const cut = readWeightsRecord({ ...rec, bin: rec.bin.slice(0, 10) });
    expect(cut).toMatchObject({ ok: false });
    expect(!cut.ok && cut.message).toMatch(/needs bytes 0–64 .* only 10/);
    expect(readWeightsRecord({ ...rec, manifest: '{' })).toMatchObject({ ok: false });
    expect(readWeightsRecord(null)).toMatchObject({ ok: false, message: 'the stored weights are not in a form this version knows' });
  });
});

describe('download file names', () => {
  test('one stem: letters and digits of any script, the rest one underscore', () => {
    expect(fileStem('MNIST CNN')).toBe('MNIST_CNN');
    expect(fileNameFor('MNIST CNN')).toBe('MNIST_CNN.json');
    expect(fileStem('U-Net (small)')).toBe('U_Net_small');
    expect(fileNameFor('model.json')).toBe('model.json');
    expect(fileNameFor('한국어 모델')).toBe('한국어_모델.json');
    expect(fileStem('Tiny <img onerror=alert(1)>')).toBe('Tiny_img_onerror_alert_1');
  });
  test('the same stem for the graph, its code, the trained model and its weights', () => {
    const named = { ...emptyDoc('MNIST CNN') };
    expect([GRAPH_JSON, TYPESCRIPT, KERAS].map((s) => s.fileName(named))).toEqual(['MNIST_CNN.json', 'MNIST_CNN.ts', 'MNIST_CNN.py']);
    expect(fileNameFor(named.name)).toBe('MNIST_CNN.json');
    expect(modelFileNames(named.name)).toEqual({ json: 'MNIST_CNN.model.json', bin: 'MNIST_CNN.weights.bin' });
  });
  test('refused characters, empty and reserved names', () => {
    expect(fileNameFor('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j.json');
    expect(fileNameFor('')).toBe('graph.json');
    expect(fileNameFor('   ')).toBe('graph.json');
    expect(fileNameFor('...')).toBe('graph.json');
    expect(fileNameFor('CON')).toBe('graph.json');
    expect(fileNameFor('x\n\ty')).toBe('x_y.json');
    expect(fileNameFor('n'.repeat(300))).toHaveLength(85);
    // Cut by code points: a letter outside the BMP stays whole.
    expect(Array.from(fileStem('𠀀'.repeat(100)))).toHaveLength(80);
    expect(fileStem('𠀀'.repeat(100))).toBe('𠀀'.repeat(80));
  });
});

describe('load errors in words, English and Korean', async () => {
  const { initI18n } = await import('../../src/i18n/index.ts');
  const { describeLoadError } = await import('../../src/ui/files/describe.ts');
  const { loadGraph } = await import('../../src/graph/load.ts');
  const i18n = initI18n('en');
  const err = (text: string) => {
    const r = loadGraph(text);
    if (r.ok) throw new Error('expected an error');
    return r.error;
  };
  test('every load error code reads as a sentence with its place', async () => {
    await i18n.changeLanguage('en');
    const t = i18n.t.bind(i18n);
    expect(describeLoadError(err('{\n "a": 1,,\n}'), t)).toMatch(/^the JSON is broken at line 2, column \d+ \(unexpected ","\)$/);
    expect(describeLoadError(err('{"a": '), t)).toMatch(/line 1, column \d+ \(the file ends too early\)/);
    expect(describeLoadError(err('[]'), t)).toMatch(/not a netloom graph/);
    expect(describeLoadError(err(saveGraph({ ...doc, version: 3 })), t)).toBe('it was made by a newer netloom (file version 3; this app reads up to version 1)');
    expect(describeLoadError(err(saveGraph({ ...doc, nodes: [{ ...doc.nodes[0]!, kind: '' }] })), t)).toMatch(/^the graph is not valid at nodes\[0\]\.kind: /);
    expect(describeLoadError(err('{"format":"netloom.graph","version":1,"nodes":[{"__proto__":{}}],"edges":[]}'), t)).toMatch(/"__proto__".*at nodes\[0\]/);
    expect(describeLoadError({ code: 'file-too-large', message: '', bytes: 20 * 1024 * 1024, max: 16 * 1024 * 1024 }, t)).toBe('the file is 20.0 MB; the limit is 16 MB');
  });
  test('Korean has every key English has', async () => {
    const { files } = await import('../../src/i18n/strings/files.ts');
    expect(Object.keys(files.ko).sort()).toEqual(Object.keys(files.en).sort());
    await i18n.changeLanguage('ko');
    expect(describeLoadError(err('{\n "a": 1,,\n}'), i18n.t.bind(i18n))).toMatch(/^2번째 줄 \d+번째 칸에서 JSON 형식이 깨져 있습니다/);
    await i18n.changeLanguage('en');
  });
});
