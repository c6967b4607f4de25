/**
 * What checkTraining knows about the data: before loading (a built-in's
 * catalog entry, see builtinFacts) or after (factsOf a loaded Dataset).
 * Plain: the page imports it without tfjs or the checks.
 */
import type { Dataset } from '../data/dataset.ts';

export interface DataFacts {
  /** Per-sample shape of the data. */
  shape: readonly number[];
  classNames: readonly string[];
  /** Image-to-image data: how `pairs` relates to the samples (null: no pairs; left out: not known before loading). */
  pairing?: 'paired' | 'unpaired' | null;
  /** Shape of one `pairs` sample when it differs from `shape`. */
  pairShape?: readonly number[];
  /** Whether the samples carry per-pixel masks / boxes (left out: not known). */
  masks?: boolean;
  boxes?: boolean;
}

/** Everything checkTraining can know about loaded data. */
export function factsOf(ds: Dataset): DataFacts {
  return {
    shape: ds.shape,
    classNames: ds.classNames,
    pairing: ds.pairs ? (ds.pairing ?? 'paired') : null,
    ...(ds.pairShape ? { pairShape: ds.pairShape } : {}),
    masks: !!ds.masks,
    boxes: !!ds.boxes,
  };
}
