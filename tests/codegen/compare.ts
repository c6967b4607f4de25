/** What must be equal between compile()'s model and the one the generated code builds. */
import type * as TF from '@tensorflow/tfjs';

export interface LayerInfo {
  name: string;
  className: string;
  outputShape: unknown;
  params: number;
  layers?: LayerInfo[];
}

export interface ModelSignature {
  name: string;
  inputs: (number | null)[][];
  outputs: (number | null)[][];
  params: number;
  trainable: number;
  layers: LayerInfo[];
}

function count(ws: TF.LayerVariable[]): number {
  return ws.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 0), 1), 0);
}

function layers(m: TF.LayersModel): LayerInfo[] {
  return m.layers.map((l) => {
    const info: LayerInfo = { name: l.name, className: l.getClassName(), outputShape: l.outputShape, params: l.countParams() };
    if ('layers' in l) info.layers = layers(l as TF.LayersModel);
    return info;
  });
}

/** Names, classes, output shapes and weight counts of every layer, nested models included. */
export function signature(m: TF.LayersModel): ModelSignature {
  return {
    name: m.name,
    inputs: m.inputs.map((t) => t.shape),
    outputs: m.outputs.map((t) => t.shape),
    params: m.countParams(),
    trainable: count(m.trainableWeights),
    layers: layers(m),
  };
}

/**
 * The full Keras config, which also holds every layer's arguments after
 * defaults are filled in: equal configs mean the printed args lost nothing.
 */
export function config(m: TF.LayersModel): unknown {
  return m.toJSON(null, false);
}
