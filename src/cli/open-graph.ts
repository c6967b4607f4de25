/**
 * FILE → GraphDoc for any command, or the one line that says why not:
 * `cannot read foo.json: no such file`, `foo.json: invalid JSON at line 6,
 * column 1: unexpected "}"`, `foo.json: nodes[0].id: id must not be empty`.
 */
import { loadGraph } from '../graph/load.ts';
import type { GraphDoc } from '../graph/schema.ts';
import { readError, type CliIO } from './io.ts';
import { printable } from './text.ts';

export type Opened = { ok: true; doc: GraphDoc } | { ok: false; message: string };

export function openGraph(path: string, io: CliIO): Opened {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    return { ok: false, message: readError(path, e) };
  }
  // loadGraph would say "line 1, column 1: the file ends too early".
  if (text.trim() === '') return { ok: false, message: `${printable(path)}: the file is empty` };
  const loaded = loadGraph(text);
  if (!loaded.ok) return { ok: false, message: `${printable(path)}: ${printable(loaded.error.message)}` };
  return { ok: true, doc: loaded.doc };
}
