/** Shared by the training-run tests: wasm with netloom's kernels, MNIST loaded once, a run that records its events. */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { findBuiltinDataset } from '../../src/data/catalog.ts';
import type { DatasetSplit } from '../../src/data/dataset.ts';
import { nodeFetchBytes } from '../../src/data/node/read-data-files.ts';
import { loadGraph } from '../../src/graph/load.ts';
import type { GraphDoc } from '../../src/graph/schema.ts';
import type { ImportedWeights } from '../../src/import/types.ts';
import { selectNodeBackend } from '../../src/train/backend/select-node.ts';
import type { BackendReport } from '../../src/train/backend/select.ts';
import { configFromDoc, type TrainConfigInput } from '../../src/train/config.ts';
import type { TrainEvent } from '../../src/train/events.ts';
import { runTraining, type TrainControl, type TrainOutcome } from '../../src/train/run.ts';

export { tf };

let backend: BackendReport | null = null;
/** wasm, as the CLI uses it (IS_TEST stays off: it changes how wasm kernels are checked). */
export async function wasm(): Promise<BackendReport> {
  backend ??= await selectNodeBackend(tf, { order: ['wasm'] });
  if (backend.active !== 'wasm') throw new Error('wasm did not start');
  return backend;
}

let mnist: Promise<DatasetSplit> | null = null;
export function loadMnist(): Promise<DatasetSplit> {
  mnist ??= findBuiltinDataset('mnist')!
    .load({ fetchBytes: nodeFetchBytes() })
    .then((r) => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
  return mnist;
}

const graphFile = (path: string): GraphDoc => {
  const r = loadGraph(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};

export const fixture = (name: string): GraphDoc => graphFile(`tests/fixtures/train/${name}`);

/** A preset as the gallery opens it (graph-presets/NAME). */
export const preset = (name: string): GraphDoc => graphFile(`graph-presets/${name}`);

export interface Recorded extends TrainOutcome {
  events: TrainEvent[];
  of<T extends TrainEvent['type']>(type: T): Extract<TrainEvent, { type: T }>[];
}

export async function train(
  doc: GraphDoc,
  over: Partial<TrainConfigInput>,
  data: DatasetSplit,
  extra: { control?: TrainControl; initialWeights?: ImportedWeights; onEvent?: (e: TrainEvent) => void; backend?: BackendReport } = {},
): Promise<Recorded> {
  const events: TrainEvent[] = [];
  const out = await runTraining({
    tf,
    doc,
    config: configFromDoc(doc, over),
    data,
    backend: extra.backend ?? (await wasm()),
    ...(extra.initialWeights ? { initialWeights: extra.initialWeights } : {}),
    ...(extra.control ? { control: extra.control } : {}),
    onEvent: (e) => {
      events.push(e);
      extra.onEvent?.(e);
    },
  });
  return { ...out, events, of: (type) => events.filter((e) => e.type === type) as never };
}
