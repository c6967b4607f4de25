/**
 * What an edit of the Graph JSON tab means: a document to apply, or the
 * places to mark and why. Pure (no Monaco, no store), so it is unit-tested.
 */
import { loadGraph } from '../../graph/load.ts';
import type { GraphDoc } from '../../graph/schema.ts';
import { analyze } from '../../analysis/analyze.ts';
import { locatePath, type TextRange } from './json-path.ts';
import type { Text } from '../../i18n/text.ts';

export interface Mark extends TextRange {
  severity: 'error' | 'warning';
  /** English words; the editor shows `text` in the reader's language. */
  message: string;
  text?: Text;
}

export type JsonEdit =
  | { kind: 'unchanged' }
  | { kind: 'apply'; doc: GraphDoc; marks: Mark[] }
  | { kind: 'refuse'; message: string; text: Text; marks: Mark[] };

export function interpretJsonEdit(text: string, current: GraphDoc): JsonEdit {
  const r = loadGraph(text);
  if (!r.ok) {
    const e = r.error;
    const range: TextRange =
      e.line !== undefined && e.column !== undefined ? { offset: offsetOf(text, e.line, e.column), length: 1 } : locatePath(text, e.path ?? '');
    return { kind: 'refuse', message: e.message, text: e.text, marks: [{ ...range, severity: 'error', message: e.message, text: e.text }] };
  }
  const marks = graphMarks(text, r.doc);
  if (JSON.stringify(r.doc) === JSON.stringify(current)) return { kind: 'unchanged' };
  return { kind: 'apply', doc: r.doc, marks };
}

/** Analysis problems of top-level nodes, marked on their node (or param) in the text. */
export function graphMarks(text: string, doc: GraphDoc): Mark[] {
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  return analyze(doc)
    .diagnostics.filter((d) => d.severity !== 'info' && d.nodeId !== undefined && !d.path?.length && index.has(d.nodeId))
    .map((d) => ({
      ...locatePath(text, `nodes[${index.get(d.nodeId!)}]${d.param ? `.params.${d.param}` : ''}`),
      severity: d.severity === 'error' ? 'error' : 'warning',
      message: d.message,
      ...(d.text ? { text: d.text } : {}),
    }));
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) break;
    offset = nl + 1;
  }
  return Math.min(text.length, offset + column - 1);
}
