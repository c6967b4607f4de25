/**
 * Datasets for training, safe for the page and the worker (no Node, no tfjs).
 * Node-only helpers (reading files, preparing public/data) are in ./node/.
 */
export type { DataError, DataErrorCode, DataResult, DataWarning } from './result.ts';
export { classCounts, sampleSize, selectClasses, subset, type Dataset, type DatasetSplit } from './dataset.ts';
export { stratifiedSplit, type SplitIndices } from './split.ts';
export { browserFetchBytes, type FetchBytes } from './fetch-bytes.ts';
export { loadMnist, loadMnistBytes, mnistDatasets, type MnistBytes, type MnistData } from './mnist.ts';
export { BUILTIN_DATASETS, findBuiltinDataset, type BuiltinDataset, type DataEnv } from './catalog.ts';
export { applyScaler, fitScaler, invertScaler, scaleSplit, type ScalePer, type ScalerKind, type ScalerParams } from './scaling.ts';
export { parseCsvDataset, type ColumnRef, type CsvData, type CsvDatasetOptions } from './csv/csv-dataset.ts';
export { loadImageFolder, type ImageFile, type ImageFolderData, type ImageFolderOptions } from './images/image-folder.ts';
export { groupByFolder, type PathedFile } from './images/group-by-folder.ts';
export { browserImageDecoder } from './images/browser-decoder.ts';
export type { ImageDecoder } from './images/decoder.ts';
export { HEARTBEAT_ABNORMAL, HEARTBEAT_NORMAL, makeHeartbeats, makeHeartbeatSplit } from './synthetic/heartbeats.ts';
