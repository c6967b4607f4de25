/**
 * Vite plugin: prepares public/data (MNIST bytes, the transfer-learning
 * backbone) when Vite starts a dev
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
    // `vite preview` serves a finished build, which already holds the data.
    config(_, env) {
      if (env.isPreview) done = true;
    },
    async configResolved(config) {
      if (done) return;
      done = true;
      const dataDir = join(config.publicDir || join(config.root, 'public'), 'data');
      const r = prepareMnist(config.root, dataDir);
      if (!r.ok) return config.logger.warn(`netloom: MNIST data not prepared: ${r.error.message}`);
      if (r.value.status === 'written') config.logger.info(`netloom: prepared MNIST in ${r.value.ms.toFixed(0)} ms`);
      try {
        // Loaded on use: it brings tfjs, which a current backbone does not need.
        const b = await (await import('./prepare-backbone.ts')).prepareBackbone(config.root, dataDir);
        if (b.status === 'written') config.logger.info(`netloom: trained the transfer-learning backbone in ${b.ms.toFixed(0)} ms`);
        if (r.value.status !== 'written' && b.status !== 'written') config.logger.info('netloom: data already prepared (MNIST, transfer-learning backbone): skipped');
      } catch (e) {
        config.logger.warn(`netloom: transfer-learning backbone not made: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}
