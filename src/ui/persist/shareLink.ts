/**
 * Share links: the graph file's text, lz-string compressed into the URL hash
 * as `#g=…`. Decoding validates exactly like opening a file, so a link is
 * never trusted more than a file would be.
 */
// lz-string is CommonJS: its default export works under both Vite and Node.
import LZString from 'lz-string';
import { loadGraph, MAX_FILE_CHARS, saveGraph, type LoadError } from '../../graph/load.ts';
import { decompressUriSafeBounded } from './lz-bounded.ts';
import type { GraphDoc } from '../../graph/schema.ts';

export const SHARE_PREFIX = '#g=';

/** Chromium refuses URLs over 2 MB; stay well under that. */
export const MAX_LINK_CHARS = 1_500_000;

export type ShareDecode =
  | { kind: 'none' }
  | { kind: 'ok'; doc: GraphDoc }
  | { kind: 'bad'; error: LoadError | { code: 'link'; message: string } };

/** `#g=…` for a document. */
export function encodeShareHash(doc: GraphDoc): string {
  return SHARE_PREFIX + LZString.compressToEncodedURIComponent(saveGraph(doc));
}

/** The full link: `base` without its hash, plus the graph's hash. */
export function shareUrl(base: string, doc: GraphDoc): string {
  const i = base.indexOf('#');
  return (i < 0 ? base : base.slice(0, i)) + encodeShareHash(doc);
}

/** True when the hash carries a graph (whatever its state). */
export function isShareHash(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

/** Read a location hash: no graph, a valid graph, or why the link is bad. Never throws. */
export function decodeShareHash(hash: string, maxChars = MAX_FILE_CHARS): ShareDecode {
  if (!isShareHash(hash)) return { kind: 'none' };
  const payload = hash.slice(SHARE_PREFIX.length);
  if (!payload) return { kind: 'bad', error: { code: 'link', message: 'the link holds no graph' } };
  if (payload.length > MAX_LINK_CHARS * 2) return { kind: 'bad', error: { code: 'link', message: 'the link is too long to be a graph' } };
  // Decoded with a cap: a short link can expand to hundreds of megabytes (lz-string is LZW).
  const d = decompressUriSafeBounded(payload, maxChars);
  if (!d.ok && d.why === 'too-large') {
    return { kind: 'bad', error: { code: 'link', message: `the link's graph is larger than ${(maxChars / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB, the limit for a graph file` } };
  }
  // A cut-off or edited link decodes to nothing.
  if (!d.ok || !d.text) return { kind: 'bad', error: { code: 'link', message: 'the link is damaged or cut off' } };
  const text = d.text;
  const r = loadGraph(text);
  return r.ok ? { kind: 'ok', doc: r.doc } : { kind: 'bad', error: r.error };
}
