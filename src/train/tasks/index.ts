/** The task recipes by name (config.task). */
import type { TaskName } from '../config.ts';
import { anomaly } from './anomaly.ts';
import { classify } from './classify.ts';
import { denoise } from './denoise.ts';
import { reconstruct } from './reconstruct.ts';
import type { Task } from './task.ts';

export const TASK_RECIPES: Record<TaskName, Task> = { classify, reconstruct, denoise, anomaly };

export type { Task, CheckFacts, LossName, RunContext, SetTensors } from './task.ts';
