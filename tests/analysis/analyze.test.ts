import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { Diagnostic } from '../../src/analysis/types.ts';
import { chain, composite, doc, edge, node } from './helpers.ts';

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const only = (ds: Diagnostic[]) => {
  const e = errors(ds);
  expect(e).toHaveLength(1);
  return e[0]!;
};

describe('shapes and formulas', () => {
  test('the notes\' output-size formula with the numbers filled in', () => {
    const a = analyze(chain(['x', 'Input', { shape: [28, 28, 1] }], ['c', 'Conv2D', { filters: 8, kernelSize: 3, strides: 2, padding: 1 }]));
    const c = a.nodes.get('c')!;
    expect(c.outputs).toEqual([[14, 14, 8]]);
    expect(c.formulas.map((f) => f.numeric)).toEqual(['⌊(28 + 2·1 − 3) / 2⌋ + 1 = 14', '⌊(28 + 2·1 − 3) / 2⌋ + 1 = 14']);
    expect(c.weights).toEqual({ trainable: 3 * 3 * 1 * 8 + 8, nonTrainable: 0 });
    expect(c.macs).toBe(14 * 14 * 8 * 9);
    expect(a.valid).toBe(true);
  });

  test('same padding uses the ceiling formula', () => {
    const a = analyze(chain(['x', 'Input', { shape: [15, 15, 3] }], ['c', 'Conv2D', { filters: 4, strides: 2, padding: 'same' }]));
    expect(a.nodes.get('c')!.outputs).toEqual([[8, 8, 4]]);
    expect(a.nodes.get('c')!.formulas[0]!.numeric).toBe('⌈15 / 2⌉ = 8');
  });

  test('a floor that drops input rows gives one warning naming the loss', () => {
    const a = analyze(chain(['x', 'Input', { shape: [28, 28, 1] }], ['c', 'Conv2D', { filters: 4, strides: 2 }]));
    expect(a.valid).toBe(true);
    expect(a.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'dropped-input',
        nodeId: 'c',
        message: "Conv2D height and width: (28 + 2·0 − 3) / 2 = 12.5 is not a whole number, so the last 1 input row and column are never read (information loss); padding 'same' or another stride avoids it",
      }),
    ]);
  });

  test('kernel larger than the input is an error with the numbers and a fix', () => {
    const a = analyze(chain(['x', 'Input', { shape: [4, 4, 1] }], ['c', 'Conv2D', { filters: 2, kernelSize: 7 }]));
    const d = only(a.diagnostics);
    expect(d).toMatchObject({ code: 'nonpositive-output', nodeId: 'c', fix: { kind: 'set-param', param: 'padding', value: 'same' } });
    expect(d.message).toContain('⌊(4 + 2·0 − 7) / 1⌋ + 1 = -2');
    expect(a.valid).toBe(false);
  });

  test('errors do not cascade: nodes after a failed node are skipped quietly', () => {
    const a = analyze(chain(['x', 'Input', { shape: [4, 4, 1] }], ['c', 'Conv2D', { filters: 2, kernelSize: 7 }], ['f', 'Flatten'], ['d', 'Dense', { units: 3 }]));
    expect(errors(a.diagnostics).map((d) => d.nodeId)).toEqual(['c']);
  });
});

describe('diagnostics name the cause and the fix', () => {
  test('Conv2D straight into Dense asks for Flatten', () => {
    const a = analyze(chain(['x', 'Input', { shape: [28, 28, 1] }], ['c', 'Conv2D', { filters: 8, padding: 'same' }], ['d', 'Dense', { units: 10 }]));
    expect(only(a.diagnostics)).toMatchObject({
      code: 'rank-mismatch',
      nodeId: 'd',
      message: 'Dense needs a vector, got [28, 28, 8]: insert Flatten (or GlobalAveragePooling2D) before it',
      fix: { kind: 'insert-before', nodeKind: 'Flatten', port: 0 },
    });
  });

  test('filters 1e9 is refused by the memory budget, naming the layer, before anything is allocated', () => {
    const a = analyze(chain(['x', 'Input', { shape: [28, 28, 1] }], ['c', 'Conv2D', { filters: 1e9 }]));
    expect(only(a.diagnostics)).toMatchObject({ code: 'too-large-to-run', nodeId: 'c', message: expect.stringMatching(/^one sample needs at least 2,744 GB \(40\.0 GB of weights/) });
  });

  test.each([
    [0, 'must be at least 1 (got 0)'],
    [-3, 'must be at least 1 (got -3)'],
    [2.5, 'must be an int (got 2.5)'],
    ['16', 'must be a number (got "16")'],
    [null, 'must be a number (got null)'],
  ])('units %j', (units, msg) => {
    const a = analyze(chain(['x', 'Input', { shape: [4] }], ['d', 'Dense', { units }]));
    expect(only(a.diagnostics).message).toBe(`Dense units: ${msg}`);
  });

  test('a missing required param says it is required', () => {
    const a = analyze(chain(['x', 'Input', { shape: [4] }], ['d', 'Dense', {}]));
    expect(only(a.diagnostics).message).toBe('Dense units: is required (number)');
  });

  test('an unknown param is a warning with a suggestion', () => {
    const a = analyze(chain(['x', 'Input', { shape: [8, 8, 1] }], ['c', 'Conv2D', { filters: 2, stride: 2 }]));
    expect(a.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'unknown-param', message: 'Conv2D has no param "stride", so it is ignored; did you mean "strides"?' }));
  });

  test('Add of unequal shapes names both shapes', () => {
    const g = doc(
      [node(['x', 'Input', { shape: [8, 8, 4] }]), node(['a', 'Conv2D', { filters: 4, padding: 'same' }]), node(['b', 'Conv2D', { filters: 8, padding: 'same' }]), node(['s', 'Add'])],
      [edge('x', 'a'), edge('x', 'b'), edge('a', 's'), edge('b', 's')],
    );
    const d = only(analyze(g).diagnostics);
    expect(d).toMatchObject({ code: 'shape-mismatch', nodeId: 's' });
    expect(d.message).toBe(
      'Add needs inputs of equal shape: in0 is [8, 8, 4], in1 is [8, 8, 8]; the channels differ (4 vs 8): project in0 to 8 channels with a 1×1 Conv2D, or give both branches the same number of filters',
    );
    expect(d.fix).toMatchObject({ kind: 'insert-before', nodeKind: 'Conv2D', port: 0, params: { filters: 8, kernelSize: 1 } });
  });

  test('a U-Net style Concatenate mismatch says how much to crop, and the fix does it', () => {
    const g = doc(
      [node(['x', 'Input', { shape: [64, 64, 1] }]), node(['big', 'Conv2D', { filters: 4 }]), node(['small', 'Conv2D', { filters: 4, kernelSize: 7 }]), node(['cat', 'Concatenate'])],
      [edge('x', 'big'), edge('x', 'small'), edge('big', 'cat'), edge('small', 'cat')],
    );
    const d = only(analyze(g).diagnostics);
    expect(d.message).toBe(
      'Concatenate needs equal height on all inputs: in0 is [62, 62, 4], in1 is [58, 58, 4]; crop in0 to 58×58 with Cropping2D [[2, 2], [2, 2]] (as U-Net does), or pad in1 to 62×62 with ZeroPadding2D [[2, 2], [2, 2]]',
    );
    expect(d.fix).toMatchObject({ kind: 'insert-before', nodeKind: 'Cropping2D', port: 0, params: { cropping: [[2, 2], [2, 2]] } });
    expect(d.alternatives).toMatchObject([{ kind: 'insert-before', nodeKind: 'ZeroPadding2D', port: 1, params: { padding: [[2, 2], [2, 2]] } }]);
  });

  test('merge inputs follow targetHandle, then edge order', () => {
    const g = doc(
      [node(['a', 'Input', { shape: [2] }]), node(['b', 'Input', { shape: [3] }]), node(['cat', 'Concatenate'])],
      [edge('a', 'cat'), edge('b', 'cat', { targetHandle: 'in0' })],
    );
    const a = analyze(g);
    expect(a.nodes.get('cat')!.outputs).toEqual([[5]]);
    expect([...a.edges.values()].map((e) => e.port)).toEqual([1, 0]);
  });

  test('two edges into one port are refused', () => {
    const g = doc(
      [node(['a', 'Input', { shape: [2] }]), node(['b', 'Input', { shape: [2] }]), node(['s', 'Add'])],
      [edge('a', 's', { targetHandle: 'in0' }), edge('b', 's', { targetHandle: 'in0' })],
    );
    expect(only(analyze(g).diagnostics)).toMatchObject({ code: 'port-taken', nodeId: 's' });
  });

  test('too many inputs on a single-input layer', () => {
    const g = doc([node(['a', 'Input', { shape: [2] }]), node(['b', 'Input', { shape: [2] }]), node(['d', 'Dense', { units: 1 }])], [edge('a', 'd'), edge('b', 'd')]);
    expect(only(analyze(g).diagnostics).message).toBe('Dense "d" takes one input, but 2 edges arrive: remove 1');
  });

  test('a merge node with one input asks for another', () => {
    const g = doc([node(['a', 'Input', { shape: [2] }]), node(['s', 'Add'])], [edge('a', 's')]);
    expect(only(analyze(g).diagnostics)).toMatchObject({ code: 'missing-input', nodeId: 's', message: 'Add "s" has nothing connected to input 1 (it needs 2): connect a layer to it' });
  });

  test('cycles name the loop', () => {
    const g = doc(
      [node(['x', 'Input', { shape: [4] }]), node(['a', 'Dense', { units: 4 }]), node(['b', 'Dense', { units: 4 }]), node(['s', 'Add'])],
      [edge('x', 's'), edge('s', 'a'), edge('a', 'b'), edge('b', 's')],
    );
    const d = only(analyze(g).diagnostics);
    expect(d.code).toBe('cycle');
    expect(d.message).toBe('these nodes form a loop, so none of them can be computed: a → b → s → a; remove one of the edges');
  });

  test('dangling edges and duplicate ids are named', () => {
    const g = doc([node(['x', 'Input', { shape: [4] }]), node(['x', 'Dense', { units: 1 }])], [edge('x', 'ghost')]);
    const ds = errors(analyze(g).diagnostics);
    expect(ds.map((d) => d.code).sort()).toEqual(['dangling-edge', 'duplicate-id']);
    expect(ds.find((d) => d.code === 'dangling-edge')!.message).toMatch(/connects "ghost", which is not in the graph/);
  });

  test('unknown kinds are kept and reported, never executed', () => {
    const g = chain(['x', 'Input', { shape: [4] }], ['l', 'Lambda', { function: 'import os; os.system("x")' }]);
    const a = analyze(g);
    expect(only(a.diagnostics)).toMatchObject({ code: 'unknown-kind', nodeId: 'l' });
    expect(g.nodes[1]!.params).toEqual({ function: 'import os; os.system("x")' });
  });

  test('ids like "constructor" and "__proto__" are plain keys', () => {
    const a = analyze(chain(['constructor', 'Input', { shape: [4] }], ['__proto__', 'Dense', { units: 2 }]));
    expect(a.valid).toBe(true);
    expect(a.nodes.get('__proto__')!.outputs).toEqual([[2]]);
  });

  test('an empty graph is not valid but gives no crash', () => {
    const a = analyze(doc([], []));
    expect(a.valid).toBe(false);
    expect(a.models).toEqual([]);
  });
});

describe('composites', () => {
  const autoencoder = () =>
    doc(
      [
        node(['x', 'Input', { shape: [784] }]),
        composite('enc', 'Encoder', [['h', 'Dense', { units: 64, activation: 'relu' }]]),
        composite('dec', 'Decoder', [['y', 'Dense', { units: 784, activation: 'sigmoid' }]]),
      ],
      [edge('x', 'enc'), edge('enc', 'dec')],
    );

  test('an autoencoder yields autoencoder, encoder and decoder summaries', () => {
    const a = analyze(autoencoder());
    expect(a.valid).toBe(true);
    expect(a.models.map((m) => [m.key, m.params, m.inputs, m.outputs])).toEqual([
      ['autoencoder', 784 * 64 + 64 + 64 * 784 + 784, [[784]], [[784]]],
      ['encoder', 784 * 64 + 64, [[784]], [[64]]],
      ['decoder', 64 * 784 + 784, [[64]], [[784]]],
    ]);
  });

  test('inner errors carry the composite path', () => {
    const g = autoencoder();
    (g.nodes[1]!.graph!.nodes[1]!.params as Record<string, unknown>).units = 0;
    const d = only(analyze(g).diagnostics);
    expect(d).toMatchObject({ code: 'bad-param', nodeId: 'h', path: ['enc'] });
  });

  test('a composite without an Output node says so', () => {
    const g = autoencoder();
    g.nodes[2]!.graph!.nodes.pop();
    g.nodes[2]!.graph!.edges.pop();
    expect(only(analyze(g).diagnostics)).toMatchObject({ code: 'no-output-port', nodeId: 'dec' });
  });

  test('the number of arriving edges must match the inner Inputs', () => {
    const g = autoencoder();
    g.edges.push(edge('x', 'dec'));
    expect(only(analyze(g).diagnostics)).toMatchObject({ code: 'port-count', nodeId: 'dec' });
  });

  test('two composites with one role get distinct keys; a name wins', () => {
    const g = doc(
      [
        node(['z', 'Input', { shape: [8] }]),
        composite('g1', 'Generator', [['a', 'Dense', { units: 8 }]]),
        composite('g2', 'Generator', [['b', 'Dense', { units: 8 }]]),
        composite('d', 'Discriminator', [['c', 'Dense', { units: 1 }]], 'critic'),
      ],
      [edge('z', 'g1'), edge('g1', 'g2'), edge('g2', 'd')],
    );
    expect(analyze(g).models.map((m) => m.key)).toEqual(['model', 'generator', 'generator_2', 'critic']);
  });

  test('composites nested too deep are refused', () => {
    let inner = composite('c0', 'Block', [['d', 'Dense', { units: 2 }]]);
    for (let i = 1; i < 20; i++) {
      inner = { id: `c${i}`, kind: 'Composite', params: {}, graph: { nodes: [node([`i${i}`, 'Input']), inner, node([`o${i}`, 'Output'])], edges: [edge(`i${i}`, inner.id), edge(inner.id, `o${i}`)] } };
    }
    const a = analyze(doc([node(['x', 'Input', { shape: [2] }]), inner], [edge('x', inner.id)]));
    expect(errors(a.diagnostics).map((d) => d.code)).toEqual(['too-deep']);
  });
});

describe('totals', () => {
  test('a model too big to train in the browser is flagged with its memory', () => {
    // 784·80,000 + 80,000 = 62,800,000 weights: 251 MB to run, 80 bytes each to train with Adam: 5.0 GB.
    const a = analyze(chain(['x', 'Input', { shape: [784] }], ['d', 'Dense', { units: 80000 }]));
    expect(a.valid).toBe(true);
    expect(a.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'too-large-to-train' })]);
    expect(a.diagnostics[0]!.message).toMatch(/^training needs about 5\.0 GB even one sample at a time \(5\.0 GB for the weights, their gradients and adam's state/);
  });

  test('activation memory counts each tensor once', () => {
    const a = analyze(chain(['x', 'Input', { shape: [10] }], ['d', 'Dense', { units: 5 }], ['o', 'Output']));
    expect(a.totals.activationBytes).toBe(4 * (10 + 5));
  });
});

test('exclusive bounds read as such: Dropout rate 1 "must be less than 1"', () => {
  const a = analyze(chain(['x', 'Input', { shape: [4] }], ['d', 'Dropout', { rate: 1 }]));
  expect(a.diagnostics.find((d) => d.severity === 'error')!.message).toBe('Dropout rate: must be less than 1 (got 1)');
});

test.each([
  ['Flatten', {}],
  ['Cropping2D', { cropping: 1 }],
  ['Conv2DTranspose', { filters: 2, padding: 1 }],
])('%s on an unknown height/width is refused before tfjs builds a negative size', (kind, params) => {
  const a = analyze(chain(['x', 'Input', { shape: [null, null, 3] }], ['n', kind, params]));
  expect(a.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ code: 'unknown-size', nodeId: 'n' });
});

describe('structure messages say what is true', () => {
  test('a lone Input: nothing is connected to it yet, not "every node is part of a cycle"', () => {
    const a = analyze(doc([node(['image', 'Input', { shape: [28, 28, 1] }])], []));
    expect(only(a.diagnostics)).toMatchObject({ code: 'no-output', message: 'nothing is connected to Input "image" yet: add a layer after it and connect them' });
  });

  test('an edge into handle in999 names that handle, not "1000 edges arrive"', () => {
    const a = analyze(doc([node(['x', 'Input', { shape: [4] }]), node(['d', 'Dense', { units: 2 }])], [edge('x', 'd', { id: 'wire', targetHandle: 'in999' })]));
    const d = errors(a.diagnostics).find((x) => x.code === 'bad-handle')!;
    expect(d.message).toBe('edge "wire" goes into handle "in999" of Dense "d", which has only in0: connect it to in0');
    expect(errors(a.diagnostics).map((x) => x.message).join(' ')).not.toMatch(/1000|999 edges|remove 999/);
  });
});
