/**
 * What autosave stores, per document slot (one slot per tab):
 *   `doc:<slot>`      the graph as JSON text, with its name and node count for the documents list
 *   `weights:<slot>`  its weights, binary (see weights-record.ts), written only when they change
 * Before slots there was one record, `current`; startup moves it into a slot.
 */
import { loadGraph, type LoadError } from '../../graph/load.ts';
import type { GraphDoc } from '../../graph/schema.ts';

export const RECORD_FORMAT = 'netloom.autosave';
export const DOC_PREFIX = 'doc:';
export const WEIGHTS_PREFIX = 'weights:';
/** The one record of netloom before per-tab slots. */
export const LEGACY_KEY = 'current';

export const docKey = (slot: string) => `${DOC_PREFIX}${slot}`;
export const weightsKey = (slot: string) => `${WEIGHTS_PREFIX}${slot}`;
export const unreadableKey = () => `unreadable-${Date.now()}`;

export interface DocRecord {
  format: typeof RECORD_FORMAT;
  savedAt: number;
  /** The document as JSON text: read back through loadGraph, so it is validated like a file. */
  text: string;
  /** For the documents list, without parsing the text (absent in records from before slots). */
  name?: string;
  nodes?: number;
}

export function docRecord(doc: GraphDoc, savedAt = Date.now()): DocRecord {
  return { format: RECORD_FORMAT, savedAt, text: JSON.stringify(doc), name: doc.name, nodes: doc.nodes.length };
}

export type RecordRead = { ok: true; doc: GraphDoc; savedAt: number } | { ok: false; error: LoadError | { code: 'record'; message: string } };

/** A stored record back to a document, validated like a file. Never throws. */
export function readDocRecord(rec: unknown): RecordRead {
  if (!rec || typeof rec !== 'object' || (rec as DocRecord).format !== RECORD_FORMAT || typeof (rec as DocRecord).text !== 'string') {
    return { ok: false, error: { code: 'record', message: 'the stored autosave is not in a form this version knows' } };
  }
  const r = loadGraph((rec as DocRecord).text);
  return r.ok ? { ok: true, doc: r.doc, savedAt: Number((rec as DocRecord).savedAt) || 0 } : r;
}
