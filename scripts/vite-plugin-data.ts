/**
 * Vite plugin: prepares public/data (MNIST bytes) when Vite starts a dev
 * server or a build, so `vite`, `vite build` and the browser tests' build
 * never serve a missing dataset. Quick when the files are current.
 */
import type { Plugin } from 'vite';
import { join } from 'node:path';
import { prepareMnist } from '../src/data/node/prepare-mnist.ts';

export function prepareDataPlugin(): Plugin {
  let done = false;
  return {
    name: 'netloom-prepare-data',
    configResolved(config) {
      if (done) return;
      done = true;
      const r = prepareMnist(config.root, join(config.publicDir || join(config.root, 'public'), 'data'));
      if (!r.ok) config.logger.warn(`netloom: MNIST data not prepared: ${r.error.message}`);
      else if (r.value.status === 'written') config.logger.info(`netloom: prepared MNIST in ${r.value.ms.toFixed(0)} ms`);
    },
  };
}
