/**
 * The training core (no React, tfjs passed in): run a training, check a
 * graph before it, estimate its memory, and take the trained model away.
 * Backends: ./backend (selectNodeBackend / selectBrowserBackend). The page
 * runs all this in the worker (./worker); the CLI and tests call it directly.
 */
export { runTraining, checkTraining, estimateMemory, type TrainControl, type TrainRequest, type TrainOutcome } from './run.ts';
export { exportTrained, extractWeights, predictOne, WEIGHTS_FILE } from './save.ts';
export { TASK_RECIPES, type Task } from './tasks/index.ts';
export { configFromDoc, parseTrainConfig, TrainConfigSchema, type TrainConfig, type TrainConfigInput, type TaskName } from './config.ts';
export type { TrainEvent, StartedEvent, BatchEvent, EpochEvent, SamplesEvent, ConfusionEvent, AnomalyEvent, DoneEvent, EndReason, Metrics } from './events.ts';
