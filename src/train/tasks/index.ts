/** The task recipes by name (config.task). */
import type { SupervisedTaskName, TaskName } from '../config.ts';
import { anomaly } from './anomaly.ts';
import { classify } from './classify.ts';
import { denoise } from './denoise.ts';
import { reconstruct } from './reconstruct.ts';
import type { Task } from './task.ts';

/** segment and detect join as their recipes land; until then they are refused by name (see check.ts). */
export const TASK_RECIPES: Partial<Record<SupervisedTaskName, Task>> = { classify, reconstruct, denoise, anomaly };

export type { Task, CheckFacts, LossName, RunContext, SetTensors } from './task.ts';

/** The recipe for a task, or undefined for tasks trained another way (adversarial) or not yet trainable. */
export function recipeFor(task: TaskName): Task | undefined {
  return (TASK_RECIPES as Partial<Record<TaskName, Task>>)[task];
}
