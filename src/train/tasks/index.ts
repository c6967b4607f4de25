/** The task recipes by name (config.task). */
import type { SupervisedTaskName, TaskName } from '../config.ts';
import { anomaly } from './anomaly.ts';
import { classify } from './classify.ts';
import { denoise } from './denoise.ts';
import { detect } from './detect.ts';
import { reconstruct } from './reconstruct.ts';
import { segment } from './segment.ts';
import type { Task } from './task.ts';

export const TASK_RECIPES: Record<SupervisedTaskName, Task> = { classify, reconstruct, denoise, anomaly, segment, detect };

export type { Task, CheckFacts, CustomLoss, LossFn, LossName, RunContext, SetTensors } from './task.ts';

/** The recipe for a task, or undefined for tasks trained another way (adversarial) or not yet trainable. */
export function recipeFor(task: TaskName): Task | undefined {
  return (TASK_RECIPES as Partial<Record<TaskName, Task>>)[task];
}
