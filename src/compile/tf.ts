/**
 * The tfjs handle. Everything that touches tfjs receives it as an argument,
 * and the app loads it with a dynamic import, so the canvas never waits for it.
 */
import type * as TF from '@tensorflow/tfjs';

export type Tf = typeof TF;
export type SymbolicTensor = TF.SymbolicTensor;
export type LayersModel = TF.LayersModel;

let loading: Promise<Tf> | null = null;

/** Loads tfjs once (lazily). */
export function loadTf(): Promise<Tf> {
  loading ??= import('@tensorflow/tfjs');
  return loading;
}
