/**
 * Does data fit the graph's input? Pure checks the picker shows as plain
 * lines: what size images are resized to, whether a built-in dataset's
 * samples have the input's shape, and how CSV rows become samples.
 */
import type { Channels } from '../../../data/images/resize.ts';
import { fitInput } from '../../../train/shapes.ts';

/** The graph's input shape without the batch axis; null sizes are known only at run time. */
export type InputShape = readonly (number | null)[] | null;

/** "28×28×1", "140", "?×?×3". */
export const shapeText = (shape: readonly (number | null)[]) => shape.map((d) => (d === null ? '?' : String(d))).join('×');

/**
 * The trainer's own rule (src/train/shapes.ts): a fully known input takes
 * any sample with as many values (reshaped: 28×28×1 goes into [784]); an
 * input with open sizes takes samples of its rank whose known sizes match.
 * A graph without an input shape fits nothing.
 */
export function fitsInput(dataShape: readonly number[], inputShape: InputShape): boolean {
  return inputShape !== null && fitInput([...inputShape], dataShape) !== null;
}

export type ImageTargetResult =
  | { ok: true; height: number; width: number; channels: Channels }
  | { ok: false; why: 'no-input' }
  | { ok: false; why: 'not-image'; shape: string }
  | { ok: false; why: 'unknown-size'; shape: string }
  | { ok: false; why: 'channels'; channels: number };

/** What size images must be for this graph: its Input must be H×W×1 (grey) or H×W×3 (colour) with H and W known. */
export function imageTarget(inputShape: InputShape): ImageTargetResult {
  if (!inputShape) return { ok: false, why: 'no-input' };
  if (inputShape.length !== 3) return { ok: false, why: 'not-image', shape: shapeText(inputShape) };
  const [h, w, c] = inputShape;
  if (h === null || w === null || h === undefined || w === undefined) return { ok: false, why: 'unknown-size', shape: shapeText(inputShape) };
  if (c !== 1 && c !== 3) return { ok: false, why: 'channels', channels: c ?? 0 };
  return { ok: true, height: h, width: w, channels: c };
}

/**
 * The per-sample shape for CSV rows of `features` numbers: the graph's input
 * shape when its sizes are all known and hold exactly that many values
 * (784 pixel columns → 28×28×1), else a flat vector.
 */
export function csvSampleShape(features: number, inputShape: InputShape): number[] {
  if (inputShape && inputShape.length > 1 && inputShape.every((d) => d !== null && d > 0)) {
    const dims = inputShape as readonly number[];
    if (dims.reduce((a, b) => a * b, 1) === features) return [...dims];
  }
  return [features];
}
