/**
 * How loaders get a prepared data file: `fetchBytes('mnist.json')`.
 * The browser reads from the app's own /data/ folder (public/data, under the
 * Vite base URL); Node reads files (see node/read-data-files.ts); tests can
 * pass anything. A FetchBytes may throw or reject: loaders turn that into a
 * DataResult error.
 */
export type FetchBytes = (file: string) => Promise<Uint8Array>;

/** The folder prepared files live in, relative to the app's base URL (and to public/). */
export const DATA_DIR = 'data';

/**
 * Fetches `<base>data/<file>` from this app. `base` defaults to Vite's BASE_URL
 * ('/' unless configured). Inside a Web Worker with a relative base ('./'),
 * pass an absolute base from the page (e.g. `new URL(import.meta.env.BASE_URL, location.href).href`),
 * because a worker resolves relative URLs against its own script.
 */
export function browserFetchBytes(base: string = viteBase()): FetchBytes {
  return async (file) => {
    const href = typeof self !== 'undefined' && self.location ? self.location.href : undefined;
    const url = new URL(`${base.endsWith('/') ? base : `${base}/`}${DATA_DIR}/${file}`, href);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${url.pathname}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

function viteBase(): string {
  // import.meta.env exists under Vite and vitest, not under plain tsx.
  const env = (import.meta as { env?: { BASE_URL?: string } }).env;
  return env?.BASE_URL ?? '/';
}
