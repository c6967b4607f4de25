/**
 * Undo/redo over whole documents. Commands share unchanged structure, so
 * keeping every version is cheap; the oldest fall off after `limit` steps.
 */
import type { GraphDoc } from './schema.ts';

export interface History {
  past: GraphDoc[];
  present: GraphDoc;
  future: GraphDoc[];
}

export const HISTORY_LIMIT = 500;

export function startHistory(doc: GraphDoc): History {
  return { past: [], present: doc, future: [] };
}

/**
 * Record a new version; a no-op edit (same object) records nothing. With
 * `merge`, the new version replaces the present one instead of adding a step
 * (typing "128" into a field is one undo step, not three).
 */
export function record(h: History, doc: GraphDoc, limit = HISTORY_LIMIT, merge = false): History {
  if (doc === h.present) return h;
  if (merge && h.past.length > 0) return { past: h.past, present: doc, future: [] };
  const past = [...h.past, h.present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: doc, future: [] };
}

export function undo(h: History): History {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [h.present, ...h.future] };
}

export function redo(h: History): History {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1) };
}
