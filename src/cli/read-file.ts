/**
 * Read a graph file's text from disk, for the CLI (Node only).
 *
 * - Refuses to read without bound: a file (or /dev/zero, or a pipe) larger
 *   than MAX_READ_BYTES stops the read there with a clear reason.
 * - Decodes what editors really write: UTF-8 with or without a byte-order
 *   mark, UTF-16 LE/BE with one (Windows PowerShell's `>`); browsers strip
 *   the UTF-8 mark when opening a file, so the CLI does too.
 * - Says "not a text file" for binary data instead of letting JSON.parse
 *   complain about an invisible character.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_CHARS } from '../graph/load.ts';

/** Text longer than MAX_FILE_CHARS is refused by loadGraph; UTF-8 takes at most 3 bytes per UTF-16 unit. */
export const MAX_READ_BYTES = 3 * MAX_FILE_CHARS;

export class ReadFailure extends Error {
  readonly code = 'ENETLOOMREAD';
}

export function readTextFile(path: string): string {
  const fd = openSync(path, 'r');
  try {
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return decodeText(readAtMost(fd, MAX_READ_BYTES));
  } finally {
    closeSync(fd);
  }
}

function readAtMost(fd: number, limit: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > limit) {
      throw new ReadFailure(`it is over ${Math.round(limit / 1024 / 1024)} MB; a graph file can hold at most ${MAX_FILE_CHARS / 1024 / 1024} MB of text`);
    }
  }
  return Buffer.concat(chunks, total);
}

/** Bytes → text by byte-order mark, else strict UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  try {
    if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  } catch {
    throw new ReadFailure('its byte-order mark promises Unicode text, but the bytes after it are not');
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new ReadFailure('it is not a text file (it contains NUL bytes: an image or an archive? UTF-16 without a byte-order mark?); a graph file is JSON text');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReadFailure('it is not UTF-8 text; save the graph file as UTF-8');
  }
}
