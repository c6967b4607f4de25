/** How the training snippet is chosen: from output activations, composites and allow-listed hints. */
import { describe, expect, test } from 'vitest';
import { planCode } from '../../src/codegen/plan.ts';
import { planTraining, type TrainingPlan } from '../../src/codegen/training.ts';
import { emitTypeScript } from '../../src/codegen/typescript.ts';
import type { GraphDoc, GraphNode } from '../../src/graph/schema.ts';

const chain = (nodes: GraphNode[]) => nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id, target: n.id }));
const doc = (nodes: GraphNode[], training?: Record<string, unknown>): GraphDoc => ({ format: 'netloom.graph', version: 1, name: 't', nodes, edges: chain(nodes), ...(training ? { training } : {}) });
const head = (activation: string, units: number) => doc([{ id: 'x', kind: 'Input', params: { shape: [8] } }, { id: 'y', kind: 'Dense', params: { units, activation } }]);

function plan(d: GraphDoc): TrainingPlan {
  const p = planCode(d);
  if (!p.ok) throw new Error(JSON.stringify(p.diagnostics));
  return planTraining(p.plan);
}

describe('training plan', () => {
  test('loss from the output: softmax → categorical, one sigmoid unit → binary, anything else → squared error', () => {
    expect(plan(head('softmax', 3))).toMatchObject({ task: 'supervised', losses: ['categoricalCrossentropy'], accuracy: true });
    expect(plan(head('sigmoid', 1))).toMatchObject({ losses: ['binaryCrossentropy'], accuracy: true });
    expect(plan(head('sigmoid', 4))).toMatchObject({ losses: ['meanSquaredError'], accuracy: false });
    expect(plan(head('linear', 1))).toMatchObject({ losses: ['meanSquaredError'] });
  });

  test('the activation is found through Output nodes and nested models', () => {
    const inner = { nodes: [{ id: 'i', kind: 'Input', params: {} }, { id: 'd', kind: 'Dense', params: { units: 2, activation: 'softmax' } }, { id: 'o', kind: 'Output', params: {} }], edges: [] as GraphDoc['edges'] };
    inner.edges = chain(inner.nodes);
    const d = doc([{ id: 'x', kind: 'Input', params: { shape: [8] } }, { id: 'c', kind: 'Composite', params: { role: 'Block' }, graph: inner }, { id: 'out', kind: 'Output', params: {} }]);
    expect(plan(d).losses).toEqual(['categoricalCrossentropy']);
  });

  test('hints are used only when they are known names or sane numbers', () => {
    const good = { ...head('softmax', 3), training: { loss: 'mean_absolute_error', optimizer: 'SGD', learningRate: 0.05, epochs: 3, batchSize: 8 } };
    expect(plan(good)).toMatchObject({ losses: ['meanAbsoluteError'], optimizer: 'sgd', learningRate: 0.05, epochs: 3, batchSize: 8, accuracy: false });
    const bad = { ...head('softmax', 3), training: { loss: 'x); evil(', optimizer: 'adam()', learningRate: Infinity, epochs: 0.5, batchSize: '32' } };
    expect(plan(bad)).toMatchObject({ losses: ['categoricalCrossentropy'], optimizer: 'adam', learningRate: 0.001, epochs: 10, batchSize: 32 });
  });

  test('autoencoder only when the outputs have the inputs\' shapes; a task hint can ask for it', () => {
    const same = doc([{ id: 'x', kind: 'Input', params: { shape: [8] } }, { id: 'y', kind: 'Dense', params: { units: 8, activation: 'sigmoid' } }], { task: 'reconstruct' });
    expect(plan(same).task).toBe('autoencoder');
    expect(plan({ ...same, training: { task: 'reconstruct' }, nodes: [same.nodes[0]!, { id: 'y', kind: 'Dense', params: { units: 4 } }] }).task).toBe('supervised');
  });

  test('a GAN whose discriminator takes two inputs gets a note instead of a loop', () => {
    const g = { nodes: [{ id: 'z', kind: 'Input', params: {} }, { id: 'd', kind: 'Dense', params: { units: 8 } }, { id: 'o', kind: 'Output', params: {} }], edges: [] as GraphDoc['edges'] };
    g.edges = chain(g.nodes);
    const dis = {
      nodes: [
        { id: 'a', kind: 'Input', params: {} },
        { id: 'b', kind: 'Input', params: {} },
        { id: 'cat', kind: 'Concatenate', params: {} },
        { id: 'p', kind: 'Dense', params: { units: 1, activation: 'sigmoid' } },
        { id: 'o', kind: 'Output', params: {} },
      ],
      edges: [
        { id: 'e1', source: 'a', target: 'cat' },
        { id: 'e2', source: 'b', target: 'cat' },
        { id: 'e3', source: 'cat', target: 'p' },
        { id: 'e4', source: 'p', target: 'o' },
      ],
    };
    const d: GraphDoc = {
      format: 'netloom.graph',
      version: 1,
      name: 'pix2pix-ish',
      nodes: [
        { id: 'z', kind: 'Input', params: { shape: [4] } },
        { id: 'cond', kind: 'Input', params: { shape: [8] } },
        { id: 'G', kind: 'Composite', params: { role: 'Generator' }, graph: g },
        { id: 'D', kind: 'Composite', params: { role: 'Discriminator' }, graph: dis },
      ],
      edges: [
        { id: 'a', source: 'z', target: 'G' },
        { id: 'b', source: 'G', target: 'D', targetHandle: 'in0' },
        { id: 'c', source: 'cond', target: 'D', targetHandle: 'in1' },
      ],
    };
    expect(plan(d)).toMatchObject({ task: 'supervised', ganByHand: true });
    expect(plan(d).gan).toBeUndefined();
    const ts = emitTypeScript(d);
    expect(ts.ok && ts.code).toMatch(/write its adversarial loop by hand/);
  });
});
