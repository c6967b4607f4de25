/**
 * Imported weights → a model compiled from the imported graph, so it
 * predicts exactly as the original and can be trained further. Weights are
 * matched by node path (compile's `layerNames`) and weight name, and checked
 * by shape; what does not fit is reported, never forced.
 */
import type { Compiled } from '../compile/compile.ts';
import type { Tf } from '../compile/tf.ts';
import type { ImportedWeights } from './types.ts';

export interface WeightLoadReport {
  /** Model weights that received a value. */
  loaded: number;
  /** Model weights (`layer/weight`) nothing was given for: they keep their fresh initial values. */
  missing: string[];
  /** Imported weights no model layer takes (e.g. those of Unsupported nodes). */
  unused: string[];
  /** Imported weights whose shape differs from the layer's: not loaded. */
  mismatched: string[];
}

type AnyLayer = Compiled['main']['layers'][number];

export function loadImportedWeights(tf: Tf, compiled: Compiled, weights: ImportedWeights): WeightLoadReport {
  const layers = new Map<string, AnyLayer>();
  const walk = (l: AnyLayer) => {
    const inner = (l as { layers?: AnyLayer[] }).layers;
    if (Array.isArray(inner)) inner.forEach(walk);
    else layers.set(l.name, l);
  };
  compiled.main.layers.forEach(walk);
  const report: WeightLoadReport = { loaded: 0, missing: [], unused: [], mismatched: [] };
  const written = new Set<string>();
  for (const [key, t] of weights) {
    const cut = key.lastIndexOf('/');
    const layerName = compiled.layerNames.get(key.slice(0, cut));
    const short = key.slice(cut + 1);
    const variable = layerName === undefined ? undefined : layers.get(layerName)?.weights.find((w) => w.originalName === `${layerName}/${short}`);
    if (!variable) {
      report.unused.push(key);
      continue;
    }
    if (variable.shape.length !== t.shape.length || variable.shape.some((d, i) => d !== t.shape[i])) {
      report.mismatched.push(`${key}: file [${t.shape.join(', ')}], model [${variable.shape.join(', ')}]`);
      continue;
    }
    const value = tf.tensor(t.data, t.shape, t.dtype);
    variable.write(value);
    value.dispose();
    written.add(variable.originalName);
    report.loaded++;
  }
  for (const l of layers.values()) for (const w of l.weights) if (!written.has(w.originalName)) report.missing.push(w.originalName);
  return report;
}
