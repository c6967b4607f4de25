/** Reasons as Text: what the checks and the run say, wherever they come from. */
import { text, type Text } from '../i18n/text.ts';

/** The words of anything that says something: its Text, or (from a producer not yet on Text) its English message. */
export const textOf = (d: { text?: Text; message: string }): Text => d.text ?? text('train.as-said', { detail: d.message });

/** Sentences one after another, "a; b; c". */
export const joined = (items: readonly Text[]): Text => items.slice(1).reduce((a, b) => text('train.then', { a, b }), items[0] ?? text('train.as-said', { detail: '' }));

/** "node › inner: what", or just what when nothing is named. */
export const at = (place: string, what: Text): Text => (place ? text('train.at', { at: place, what }) : what);
