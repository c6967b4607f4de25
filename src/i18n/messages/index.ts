/**
 * Every sentence that core code returns as Text (../text.ts), in English and
 * Korean. One file per area, each `{ en, ko }` with the same keys and the
 * same `{{placeholders}}` (tests/i18n/messages.test.ts checks both).
 * Keys are prefixed by area (`diag.`, `train.`, `data.`, …) so areas never collide.
 */
import { analysis } from './analysis.ts';
import { nodes } from './nodes.ts';
import { graph } from './graph.ts';
import { merges } from './merges.ts';
import { train } from './train.ts';
import { data } from './data.ts';
import { importing } from './import.ts';
import { formulas } from './formulas.ts';
import { dissolve } from './dissolve.ts';
import { budget } from './budget.ts';
import { inspect } from './inspect.ts';

export type MessageTable = Readonly<Record<string, string>>;
export type MessageTables = Readonly<Record<'en' | 'ko', MessageTable>>;

/** The areas, kept apart so a test can name the file a key is missing from. */
export const MESSAGE_AREAS = { analysis, nodes, graph, merges, train, data, import: importing, formulas, dissolve, budget, inspect } as const;

function merge(lang: 'en' | 'ko'): MessageTable {
  return Object.assign({}, ...Object.values(MESSAGE_AREAS).map((a) => a[lang])) as MessageTable;
}

export const MESSAGES: MessageTables = { en: merge('en'), ko: merge('ko') };
