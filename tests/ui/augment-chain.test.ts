import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { augmentChain } from '../../src/ui/inspector/augment-chain.ts';

const preset = (() => {
  const r = loadGraph(readFileSync('graph-presets/augmentation-cnn.json', 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
})();

describe('augmentation preview chain', () => {
  it('runs every augmentation from the Input down to the chosen node, in order, at the input size', () => {
    const c = augmentChain(preset, analyze(preset), 'zoom');
    expect(c?.shape).toEqual([28, 28, 1]);
    expect(c?.steps.map((s) => s.kind)).toEqual(['RandomRotation', 'RandomZoom']);
    expect(c?.steps[1]!.params).toMatchObject({ heightFactor: 0.1, fillMode: 'constant', interpolation: 'bilinear' });
    expect(augmentChain(preset, analyze(preset), 'contrast')?.steps).toHaveLength(3);
  });

  it('is null for other nodes and for images of unknown size', () => {
    expect(augmentChain(preset, analyze(preset), 'conv1')).toBeNull();
    const open: GraphDoc = structuredClone(preset);
    open.nodes.find((n) => n.id === 'image')!.params.shape = [null, null, 1];
    expect(augmentChain(open, analyze(open), 'rotate')).toBeNull();
  });
});
