/**
 * SLOT: the data choice type. src/ui/train/data/choice.ts (another engineer)
 * exports the real `DataChoice`; until it lands this mirrors its agreed
 * shape. Replace this file's body with `export type { DataChoice } from './data/choice.ts';`.
 */
import type { DatasetSplit } from '../../data/dataset.ts';

export type DataChoice = { source: 'builtin'; id: string } | { source: 'user'; name: string; split: DatasetSplit; summary: string };
