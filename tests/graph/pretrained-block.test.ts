import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { addNode, connect } from '../../src/graph/commands.ts';
import { blockName, pretrainedBlock } from '../../src/graph/pretrained-block.ts';
import { emptyDoc, type GraphDoc } from '../../src/graph/schema.ts';
import { importModel } from '../../src/import/import-model.ts';
import { loadPretrainedWeights } from '../../src/train/pretrained.ts';
import { nodeFetchUrl } from '../../src/train/pretrained-node.ts';
import { prepareBackbone } from '../../scripts/prepare-backbone.ts';
import { english } from '../../src/i18n/text.ts';

const URL = 'data/backbone-digits-0-4/model.json';

beforeAll(async () => {
  await prepareBackbone(process.cwd());
}, 120_000);

function graphWithBlock(): GraphDoc {
  const r = importModel(readFileSync(`public/${URL}`, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  let doc = emptyDoc('t');
  const block = pretrainedBlock(r.doc, { name: blockName('Backbone digits 0-4.json'), weightsUrl: URL });
  const steps = [
    (d: GraphDoc) => addNode(d, { id: 'x', kind: 'Input', params: { shape: [28, 28, 1] } }),
    (d: GraphDoc) => addNode(d, { id: 'b', kind: 'Composite', ...block }),
    (d: GraphDoc) => addNode(d, { id: 'head', kind: 'Dense', params: { units: 5, activation: 'softmax' } }),
    (d: GraphDoc) => connect(d, { source: 'x', target: 'b' }),
    (d: GraphDoc) => connect(d, { source: 'b', target: 'head' }),
  ];
  for (const s of steps) {
    const e = s(doc);
    if (!e.ok) throw new Error(english(e.reason));
    doc = e.doc;
  }
  return doc;
}

describe('a pretrained model as a block', () => {
  it('wraps an imported model as a frozen Backbone with an Output at its end', () => {
    const doc = graphWithBlock();
    const a = analyze(doc);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.nodes.get('b')!.outputs).toEqual([[1568]]);
    expect(a.models.find((m) => m.key === 'backbone_digits_0_4')).toMatchObject({ role: 'Backbone', trainableParams: 0, params: 4800 });
    expect(a.totals.trainableParams).toBe(1568 * 5 + 5);
  });

  it('its weights load from its weightsUrl by node path', async () => {
    const pre = await loadPretrainedWeights(graphWithBlock(), nodeFetchUrl());
    expect(pre.problems).toEqual([]);
    expect([...pre.weights.keys()].sort()).toEqual(['b/conv1/bias', 'b/conv1/kernel', 'b/conv2/bias', 'b/conv2/kernel']);
  });

  it('names blocks as code identifiers', () => {
    expect(blockName('MobileNet v2.json')).toBe('mobilenet_v2');
    expect(blockName('123')).toBe('backbone_123');
    expect(blockName('***')).toBe('backbone');
  });
});
