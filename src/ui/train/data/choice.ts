/**
 * What the training panel trains on: a built-in dataset by id, or data the
 * user loaded in the picker, already split 80/20 into train and test (the
 * split travels to the worker with the config).
 */
import type { DatasetSplit } from '../../../data/dataset.ts';

export type DataChoice = { source: 'builtin'; id: string } | { source: 'user'; name: string; split: DatasetSplit; summary: string };
