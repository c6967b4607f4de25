/**
 * `netloom train` refuses a graph or a batch size that would not fit in what
 * tfjs can hold before it loads tfjs at all (so nothing is allocated): the
 * graph whose one sample needs ~6.5 GB of outputs used to die inside tfjs
 * with "null function or function signature mismatch" (wasm) or "Invalid
 * typed array length" (cpu). tfjs is replaced here by a loader that records
 * being asked: the refusals must never reach it, the runs that fit must.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cli } from '../cli/helpers.ts';

const loadTf = vi.hoisted(() =>
  vi.fn(async () => {
    throw new Error('tfjs was loaded');
  }),
);
vi.mock('../../src/compile/tf.ts', () => ({ loadTf }));

const WIDE = 'tests/fixtures/train/wide-cnn.json';

beforeEach(() => {
  loadTf.mockClear();
});

describe('netloom train and the memory budget', () => {
  it('refuses the graph that needs ~6.5 GB per sample with the budget error, before loading tfjs', async () => {
    const r = await cli(['train', 'tests/fixtures/bad/activations-cannot-fit.json']);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error conv1: one sample needs at least 6.5 GB (12 MB of weights, 6.5 GB of layer outputs; conv1 alone outputs 1.1 GB), more than the 4.2 GB tfjs can hold: netloom cannot build or train this graph. Make the input smaller, downsample earlier (strides or pooling), or use fewer filters\n',
    });
    expect(loadTf).not.toHaveBeenCalled();
  });

  it('refuses batch 512 of a graph that fits 128, naming the batch size, before loading tfjs', async () => {
    const r = await cli(['train', WIDE, '--batch-size', '512']);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: training with batch size 512 and adam needs about 8.5 GB, more than the 4.2 GB tfjs can hold: choose batch size 128 or smaller\n',
    });
    expect(loadTf).not.toHaveBeenCalled();
  });

  it('goes on to tfjs with a batch size that fits: quietly at 8, with a warning at 128 (where the app asks first)', async () => {
    const small = await cli(['train', WIDE, '--batch-size', '8']);
    expect(small.stderr).not.toMatch(/^(error|warning)/m);
    expect(loadTf).toHaveBeenCalledTimes(1);
    const big = await cli(['train', WIDE, '--batch-size', '128']);
    expect(big.stderr.split('\n')[0]).toBe(
      'warning: training with batch size 128 and adam needs about 2.3 GB: within the 4.2 GB tfjs can hold, but above 1.1 GB, where the app asks before it starts',
    );
    expect(loadTf).toHaveBeenCalledTimes(2);
  });
});
