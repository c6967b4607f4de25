/**
 * Node's FetchUrl for pretrained weights: paths inside the app are read from
 * public/ (where the app serves them from); Node has no network here, so
 * http(s) addresses are refused with a reason.
 */
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { FetchUrl } from './pretrained.ts';

export function nodeFetchUrl(root = process.cwd()): FetchUrl {
  const publicDir = join(root, 'public');
  return async (url) => {
    if (/^https?:\/\//i.test(url)) throw new Error('this command reads only files inside the app (public/), not web addresses');
    const path = normalize(join(publicDir, url));
    if (!path.startsWith(publicDir)) throw new Error(`${url} points outside the app`);
    return new Uint8Array(await readFile(path));
  };
}
