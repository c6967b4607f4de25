/** The sample graph's weights as netloom's trainer saves them, ready to drop into the app (50,186 values, 201 KB). */
import * as tf from '@tensorflow/tfjs';
import { compileGraph } from '../../src/compile/compile.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import { SAMPLE_GRAPH } from '../../src/ui/sample-graph.ts';
import { fillWeights, saveArtifacts, toModelJson } from '../import/model-files.ts';

export type Upload = { name: string; mimeType: string; buffer: Buffer };

/** Small_CNN.model.json + Small_CNN.weights.bin, with seeded weights (on tfjs's cpu backend). */
export async function sampleModelUploads(): Promise<[Upload, Upload]> {
  await tf.setBackend('cpu');
  const c = compileGraph(tf, SAMPLE_GRAPH as GraphDoc);
  if (!c.ok) throw new Error(c.diagnostics[0]!.message);
  fillWeights(c.value.main);
  const { json, bin } = toModelJson(await saveArtifacts(c.value.main), './Small_CNN.weights.bin');
  c.value.main.dispose();
  return [
    { name: 'Small_CNN.model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) },
    { name: 'Small_CNN.weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(bin) },
  ];
}
