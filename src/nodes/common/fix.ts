/** The words of a one-click fix, from what it does (so they follow the reader's language). */
import type { Fix } from '../spec.ts';
import { text, type Text } from '../../i18n/text.ts';

/** `Insert Flatten`, `Insert Cropping2D [[2,2],[2,2]]`, `Set padding to 'same'`, `Turn center on`. */
export function fixLabel(fix: Fix): Text {
  if (fix.text) return fix.text;
  if (fix.kind === 'remove-node') return text('fix.remove-node', { id: fix.nodeId });
  if (fix.kind === 'insert-before') {
    // A node inserted with one setting names it: which crop, which shape.
    const set = Object.values(fix.params ?? {});
    return set.length === 1 ? text('fix.insert.with', { kind: fix.nodeKind, value: JSON.stringify(set[0]) }) : text('fix.insert', { kind: fix.nodeKind });
  }
  if (typeof fix.value === 'boolean') return text(fix.value ? 'fix.turn-on' : 'fix.turn-off', { param: fix.param });
  return text('fix.set', { param: fix.param, value: typeof fix.value === 'string' ? `'${fix.value}'` : JSON.stringify(fix.value) });
}
