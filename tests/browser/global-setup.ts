/**
 * Browser tests run against a production build served by `vite preview`
 * (what users get), built once per test run.
 */
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium, INSTALL_HINT } from '../../scripts/test-tools/chromium.ts';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  // `npm test` installs Chromium first (scripts/test-tools/ensure.ts); a direct `vitest run` without it
  // stops here with one message instead of failing every browser test.
  const chromium = findChromium();
  if (!chromium.ok) throw new Error(`the browser tests need Chromium: ${chromium.reason}. Run \`npm test\` (it installs Chromium when it can), or ${INSTALL_HINT}.`);
  const outDir = 'dist-test';
  // vitest sets NODE_ENV=test, which would make Vite bundle development React: build what users get.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env;
  }
  server = await preview({ logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  project.provide('outDir', outDir);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The production build the tests serve (for a test that serves it another way). */
    outDir: string;
  }
}
