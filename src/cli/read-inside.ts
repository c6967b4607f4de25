/**
 * Reading a file that another file names (a weights shard beside a
 * model.json, a pretrained block's weights under public/), for Node only:
 * the named file must be a regular file whose real path (symlinks followed)
 * lies inside the folder, and it is read no further than `maxBytes`, so a
 * manifest naming /dev/zero, a FIFO, or a link out of the folder cannot hang
 * the command or fill memory.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

export type InsideRead = { ok: true; bytes: Uint8Array } | { ok: false; why: 'missing' | 'outside' | 'not-a-file' | 'too-large' | 'unreadable'; detail?: string };

/** True when `child` (a real path) is `dir` itself or lies under it. */
export function isInside(dir: string, child: string): boolean {
  const rel = relative(dir, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function readInside(dir: string, name: string, maxBytes: number): InsideRead {
  if (isAbsolute(name)) return { ok: false, why: 'outside' };
  let real: string;
  let realDir: string;
  try {
    realDir = realpathSync(dir);
    real = realpathSync(join(dir, name));
  } catch (e) {
    return (e as { code?: string }).code === 'ENOENT' ? { ok: false, why: 'missing' } : { ok: false, why: 'unreadable', detail: String((e as Error).message) };
  }
  if (!isInside(realDir, real)) return { ok: false, why: 'outside' };
  // Checked before opening: opening a FIFO for reading would wait for a writer.
  try {
    if (!statSync(real).isFile()) return { ok: false, why: 'not-a-file' };
  } catch (e) {
    return { ok: false, why: 'unreadable', detail: String((e as Error).message) };
  }
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, why: 'unreadable', detail: String((e as Error).message) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, why: 'not-a-file' };
    if (st.size > maxBytes) return { ok: false, why: 'too-large' };
    // Read what the size promised, and one byte more to notice a file that grows while we read.
    const buf = Buffer.allocUnsafe(st.size + 1);
    let n = 0;
    for (let k; n < buf.length && (k = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += k;
    if (n > maxBytes) return { ok: false, why: 'too-large' };
    return { ok: true, bytes: new Uint8Array(buf.buffer, buf.byteOffset, n) };
  } finally {
    closeSync(fd);
  }
}
