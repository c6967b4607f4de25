/**
 * Decoding lz-string's `compressToEncodedURIComponent` output with a cap on
 * the text it produces. lz-string is LZW: each code adds one dictionary
 * entry up to one character longer than the last, so a 75 KB link can
 * expand to hundreds of megabytes. This decoder stops as soon as the text
 * would pass `maxChars`, before allocating it.
 *
 * The bit layout follows lz-string 1.5: 6-bit characters of the URI-safe
 * alphabet read from their high bit down; codes are read low bit first with
 * a width that grows with the dictionary; code 0 / 1 bring an 8- / 16-bit
 * character, 2 ends the stream.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export type BoundedDecode = { ok: true; text: string } | { ok: false; why: 'damaged' | 'too-large' };

export function decompressUriSafeBounded(input: string, maxChars: number): BoundedDecode {
  const s = input.replace(/ /g, '+');
  if (!s) return { ok: false, why: 'damaged' };
  let index = 0;
  let val = 0;
  let position = 0;
  // lz-string reads past the end as 0 bits; a well-formed stream ends with code 2 before that.
  const nextChar = () => {
    val = index < s.length ? (VALUE.get(s[index]!) ?? 0) : 0;
    index++;
    position = 32;
  };
  nextChar();
  const read = (width: number): number => {
    let bits = 0;
    for (let power = 1, n = 0; n < width; n++, power *= 2) {
      if (val & position) bits += power;
      position >>= 1;
      if (position === 0) nextChar();
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let numBits = 3;
  const first = read(2);
  if (first === 2) return { ok: true, text: '' };
  if (first !== 0 && first !== 1) return { ok: false, why: 'damaged' };
  let w = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary.push(w);
  const out: string[] = [w];
  let length = w.length;
  for (;;) {
    if (index > s.length) return { ok: false, why: 'damaged' };
    let c = read(numBits);
    if (c === 2) return { ok: true, text: out.join('') };
    if (c === 0 || c === 1) {
      dictionary.push(String.fromCharCode(read(c === 0 ? 8 : 16)));
      c = dictionary.length - 1;
      if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
    }
    let entry: string;
    if (c < dictionary.length && c > 2) entry = dictionary[c]!;
    else if (c === dictionary.length) entry = w + w.charAt(0);
    else return { ok: false, why: 'damaged' };
    length += entry.length;
    if (length > maxChars) return { ok: false, why: 'too-large' };
    out.push(entry);
    dictionary.push(w + entry.charAt(0));
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
    w = entry;
  }
}
