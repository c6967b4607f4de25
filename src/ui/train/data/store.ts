/**
 * What the data picker holds between renders (and while the training panel
 * is closed): the files the user brought, their choices (label column,
 * left-out columns, normal class), and the last data prepared from them
 * with the task and input shape it was prepared for. The DataChoice sent to
 * the panel is always one of these prepared results, so the picker can tell
 * whether what the panel trains on is what it shows.
 */
import { create } from 'zustand';
import type { CsvTable } from '../../../data/csv/table.ts';
import type { Dataset } from '../../../data/dataset.ts';
import type { DataWarning } from '../../../data/result.ts';
import type { PathedFile } from '../../../data/images/group-by-folder.ts';
import type { DataChoice } from './choice.ts';
import type { PrepareResult, Problem } from './user-data.ts';

export type PickerMode = 'builtin' | 'images' | 'csv';

/** A result prepared for one task/input/choices key, and the choice sent for it (null when it has a problem). */
export interface PreparedFor {
  key: string;
  result: PrepareResult;
  choice: DataChoice | null;
}

export interface ImagesState {
  /** The picked or dropped folder's name. */
  name: string;
  files: PathedFile[];
  /** Decoded at one size (`size` = "H×W×C"); decoding again is needed for another. */
  decoded: { size: string; dataset: Dataset; warnings: DataWarning[] } | null;
  /** A problem before preparing: the input cannot take images, the folder is empty, unreadable files… */
  problem: Problem | null;
  loading: { done: number; total: number } | null;
  normalClass: number | null;
  prepared: PreparedFor | null;
}

export interface CsvState {
  fileName: string;
  table: CsvTable | null;
  /** The file could not be read as a table (ragged rows, bad quoting). */
  problem: Problem | null;
  labelColumn: number | null;
  ignore: number[];
  normalClass: number | null;
  prepared: PreparedFor | null;
}

interface PickerState {
  mode: PickerMode | null;
  /** The last built-in dataset the panel used: what "Built-in" goes back to. */
  lastBuiltin: string | null;
  images: ImagesState | null;
  csv: CsvState | null;
}

export const usePicker = create<PickerState>()(() => ({ mode: null, lastBuiltin: null, images: null, csv: null }));

export const patchImages = (p: Partial<ImagesState>) => usePicker.setState((s) => (s.images ? { images: { ...s.images, ...p } } : {}));
export const patchCsv = (p: Partial<CsvState>) => usePicker.setState((s) => (s.csv ? { csv: { ...s.csv, ...p } } : {}));
