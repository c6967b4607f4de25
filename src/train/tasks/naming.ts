/** How task messages name the data, the task and the classes (as Text values: ids stay ids, words come from the tables). */
import { text, type Text, type TextValue } from '../../i18n/text.ts';
import type { TaskName, TrainConfig } from '../config.ts';
import { classText } from '../../data/class-names.ts';

/** `shapes-segmentation`, the name of the user's data, or "your data". */
export const dataNameOf = (config: TrainConfig): TextValue => {
  if (config.data.source === 'builtin') return config.data.id;
  return config.data.name || text('train.your-data');
};

/** A task as messages name it ("classify", "분류"). */
export const taskText = (task: TaskName): Text => text(`train.task.${task}`);

/** `0: background, 1: circle, …` (built-in class names in the reader's language). */
export const classList = (names: readonly string[]): TextValue[] => names.map((c, i) => text('train.class-at', { i, name: classText(c) }));
