import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../src/compile/compile.ts';
import { loadGraph } from '../../src/graph/load.ts';
import { latentEncoderKey, latentPoints } from '../../src/train/latent.ts';
import { makeHeartbeatSplit } from '../../src/data/synthetic/heartbeats.ts';
import type { Dataset } from '../../src/data/dataset.ts';

const preset = (file: string) => {
  const r = loadGraph(readFileSync(`graph-presets/${file}`, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  const c = compileGraph(tf, r.doc);
  if (!c.ok) throw new Error(c.diagnostics[0]!.message);
  return c.value;
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('latent scatter', () => {
  it('encodes test digits into 2-D points for an encoder with two outputs', () => {
    const c = preset('latent-2d.json');
    expect(latentEncoderKey(c)).toBe('encoder');
    const data: Dataset = { shape: [28, 28, 1], count: 30, x: Float32Array.from({ length: 30 * 784 }, (_, i) => (i % 97) / 97), y: Int32Array.from({ length: 30 }, (_, i) => i % 10), classNames: [...'0123456789'] };
    const before = tf.memory().numTensors;
    const e = latentPoints(tf, c, data, 3, 20)!;
    expect(tf.memory().numTensors).toBe(before);
    expect(e).toMatchObject({ type: 'latent', epoch: 3, classNames: [...'0123456789'] });
    expect(e.points).toHaveLength(40);
    expect(e.labels).toEqual(Array.from({ length: 20 }, (_, i) => i % 10));
    expect(e.points.every(Number.isFinite)).toBe(true);
    // Different digits land in different places (the encoder is not constant).
    expect(new Set(e.points.map((v) => v.toFixed(4))).size).toBeGreaterThan(10);
  });

  it('gives nothing for encoders that are not 2-D', () => {
    expect(latentEncoderKey(preset('autoencoder.json'))).toBeNull();
    expect(latentEncoderKey(preset('anomaly-autoencoder.json'))).toBeNull();
    const c = preset('anomaly-autoencoder.json');
    const beats = makeHeartbeatSplit({ count: 20 });
    if (!beats.ok) throw new Error(beats.error.message);
    expect(latentPoints(tf, c, beats.value.test, 0)).toBeNull();
  });
});
