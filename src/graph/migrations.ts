/**
 * File-format migrations: the one place where old files are repaired.
 *
 * `MIGRATIONS[i]` turns a version `from` document into version `from + 1`.
 * Version 1 is the first public format, so the list is empty today; when the
 * format changes, bump GRAPH_VERSION and append one entry here (and a fixture
 * of the old version under tests/fixtures/versions/).
 */
export interface Migration {
  from: number;
  /** Pure: returns a new object, never mutates its input. */
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [];

import { msg, type Text } from '../i18n/text.ts';

export type MigrateResult = { ok: true; value: Record<string, unknown> } | { ok: false; message: string; text: Text };

/** Apply migrations in order until none applies. Idempotent: a current file passes through unchanged. */
export function migrate(doc: Record<string, unknown>, migrations: readonly Migration[] = MIGRATIONS): MigrateResult {
  let cur = doc;
  for (let guard = 0; guard < 1000; guard++) {
    const v = cur.version as number;
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: true, value: cur };
    const next = step.up(cur);
    if (next.version !== v + 1) return { ok: false, ...msg('load.migration-wrong', { from: String(v), to: String(v + 1) }) };
    cur = next;
  }
  return { ok: false, ...msg('load.migration-endless') };
}
