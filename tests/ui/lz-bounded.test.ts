/** The bounded share-link decoder agrees with lz-string and stops at its cap. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import LZString from 'lz-string';
import { decompressUriSafeBounded } from '../../src/ui/persist/lz-bounded.ts';

const BIG = 1 << 30;

describe('decompressUriSafeBounded', () => {
  test('round-trips what lz-string compresses (any text, any alphabet)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const r = decompressUriSafeBounded(LZString.compressToEncodedURIComponent(s), BIG);
        expect(r).toEqual({ ok: true, text: s });
      }),
      { numRuns: 500 },
    );
  });

  // Damaged links: ours may refuse more of them (lz-string reads some as undefined characters), never decode them differently.
  test('never reads an arbitrary (damaged) link differently from lz-string', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$ ';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 200 }), (link) => {
        let theirs: string | null;
        try {
          theirs = LZString.decompressFromEncodedURIComponent(link);
        } catch {
          theirs = null; // lz-string itself throws on some damaged links
        }
        const ours = decompressUriSafeBounded(link, BIG);
        if (ours.ok) expect(ours.text).toBe(theirs ?? '');
        else expect(ours.why).toBe('damaged');
      }),
      { numRuns: 2000 },
    );
  });

  test('stops at the cap instead of building a huge text', () => {
    // One repeated character compresses to a link that grows only with the square root of its text.
    const text = 'a'.repeat(2_000_000);
    const link = LZString.compressToEncodedURIComponent(text);
    expect(link.length).toBeLessThan(5_000);
    expect(decompressUriSafeBounded(link, 100_000)).toEqual({ ok: false, why: 'too-large' });
    expect(decompressUriSafeBounded(link, 2_000_000)).toEqual({ ok: true, text });
  });
});
