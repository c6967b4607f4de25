import { analyze } from '../src/analysis/analyze.ts';
const doc: any = { format: 'netloom.graph', version: 1, name: 't', nodes: [
 { id: 'x', kind: 'Input', params: { shape: [28, 28, 1] } },
 { id: 'c1', kind: 'Conv2D', params: { filters: 16, kernelSize: 3, strides: 2, padding: 'valid', activation: 'relu' } },
 { id: 'd', kind: 'Dense', params: { units: 10, stride: 2 } },
 { id: 'cc', kind: 'Concatenate', params: {} },
], edges: [ { id: 'e1', source: 'x', target: 'c1' }, { id: 'e2', source: 'c1', target: 'd' }, { id: 'e3', source: 'c1', target: 'cc' }, { id: 'e4', source: 'x', target: 'cc' } ] };
const a = analyze(doc);
console.log(a.valid, a.diagnostics, [...a.nodes.values()].map(n => [n.id, JSON.stringify(n.outputs), n.weights, n.formulas.map(f=>f.numeric)]));
