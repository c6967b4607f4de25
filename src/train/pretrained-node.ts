/**
 * Node's FetchUrl for pretrained weights: paths inside the app are read from
 * public/ (where the app serves them from), as regular files whose real path
 * lies inside it; Node has no network here, so http(s) addresses are refused
 * with a reason.
 */
import { join } from 'node:path';
import { readInside } from '../cli/read-inside.ts';
import type { FetchUrl } from './pretrained.ts';

/** Far above any pretrained block netloom ships (the digits backbone is ~0.2 MB). */
const MAX_PRETRAINED_BYTES = 512 * 1024 * 1024;

export function nodeFetchUrl(root = process.cwd()): FetchUrl {
  const publicDir = join(root, 'public');
  return async (url) => {
    if (/^https?:\/\//i.test(url)) throw new Error('this command reads only files inside the app (public/), not web addresses');
    const r = readInside(publicDir, url.replace(/^\/+/, ''), MAX_PRETRAINED_BYTES);
    if (r.ok) return r.bytes;
    if (r.why === 'outside') throw new Error(`${url} points outside the app`);
    throw new Error(r.why === 'missing' ? 'no such file in public/' : r.why === 'not-a-file' ? 'not a regular file' : r.why === 'too-large' ? 'too large' : (r.detail ?? 'unreadable'));
  };
}
