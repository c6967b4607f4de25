/** How task messages name the data and its classes (segment, detect). */
import type { TrainConfig } from '../config.ts';

/** `shapes-segmentation`, or the name of the user's data. */
export const dataNameOf = (config: TrainConfig): string => (config.data.source === 'builtin' ? config.data.id : config.data.name || 'your data');

/** `0: background, 1: circle, …` */
export const classList = (names: readonly string[]): string => names.map((c, i) => `${i}: ${c}`).join(', ');
