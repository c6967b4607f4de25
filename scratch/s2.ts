import * as tf from '@tensorflow/tfjs';
import { compileGraph } from '../src/compile/compile.ts';
const doc: any = { format: 'netloom.graph', version: 1, name: 't', nodes: [
 { id: 'x', kind: 'Input', params: { shape: [28, 28, 1] } },
 { id: 'enc', kind: 'Composite', params: { role: 'Encoder' }, graph: { nodes: [
    { id: 'i', kind: 'Input', params: {} },
    { id: 'c1', kind: 'Conv2D', params: { filters: 16, kernelSize: 3, strides: 2, padding: 1, activation: 'relu' } },
    { id: 'o', kind: 'Output', params: {} } ], edges: [ { id: 'a', source: 'i', target: 'c1' }, { id: 'b', source: 'c1', target: 'o' } ] } },
 { id: 'f', kind: 'Flatten', params: {} },
 { id: 'd', kind: 'Dense', params: { units: 10 } },
], edges: [ { id: 'e1', source: 'x', target: 'enc' }, { id: 'e2', source: 'enc', target: 'f' }, { id: 'e3', source: 'f', target: 'd' } ] };
const r = compileGraph(tf, doc);
if (!r.ok) { console.log(r.diagnostics); process.exit(1); }
console.log(r.value.analysis.models, Object.keys(r.value.models), r.value.main.countParams(), r.value.analysis.totals);
r.value.main.summary();
console.log(JSON.stringify(r.value.main.outputs.map(o=>o.shape)));
