/**
 * The class names of the built-in datasets (shapes, heartbeats) as words a
 * reader's language has: a dataset keeps its names as data (`circle`), and
 * whatever shows them asks classText for the Text. Any other name (a CSV
 * label, a folder, a digit) is the user's own and shown as it is.
 */
import { text, type TextValue } from '../i18n/text.ts';

/** Names with words in src/i18n/messages/data.ts (`data.class.<name>`). */
export const WORDED_CLASSES: ReadonlySet<string> = new Set(['background', 'circle', 'square', 'triangle', 'normal', 'abnormal']);

export const classText = (name: string): TextValue => (WORDED_CLASSES.has(name) ? text(`data.class.${name}`) : name);
