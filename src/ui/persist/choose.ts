/**
 * Which autosaved document a new tab opens, and which old ones go. Pure: the
 * slots (newest first) and the set of slots open in some tab come in.
 */

export interface SlotInfo {
  id: string;
  savedAt: number;
  /** Top-level nodes. */
  nodes: number;
}

/**
 * At most this many documents are kept; the oldest beyond it are dropped.
 * A count, never an age: someone back after the holidays finds their work,
 * and one document per tab they kept open covers far fewer than 20.
 */
export const MAX_SLOTS = 20;
/** Without Web Locks no tab is known to be closed: only documents older than this may go. */
const UNKNOWN_OPEN_MIN_AGE_MS = 24 * 60 * 60 * 1000;

export type StartPick<T> = { slot: T; how: 'adopt' | 'copy' };

/**
 * A new tab opens the newest document. When no tab has it open, this tab
 * carries on with it in its slot ('adopt': after closing the browser, the
 * work simply continues); when a tab has it open, or the browser cannot tell,
 * this tab opens a copy in a slot of its own, so the two never write over
 * each other.
 */
export function pickStart<T extends SlotInfo>(slots: readonly T[], open: ReadonlySet<string> | null): StartPick<T> | null {
  const slot = slots[0];
  if (!slot) return null;
  return { slot, how: open && !open.has(slot.id) ? 'adopt' : 'copy' };
}

/**
 * The documents to delete: empty ones (nothing to recover) and the oldest
 * beyond MAX_SLOTS. Never one open in a tab, never `keep` (this tab's).
 */
export function slotsToDrop<T extends SlotInfo>(slots: readonly T[], open: ReadonlySet<string> | null, keep: string, now = Date.now()): T[] {
  const closed = (s: T) => s.id !== keep && (open ? !open.has(s.id) : now - s.savedAt > UNKNOWN_OPEN_MIN_AGE_MS);
  const empty = slots.filter((s) => s.nodes === 0 && closed(s));
  const rest = slots.filter((s) => !empty.includes(s));
  const beyond = rest.slice(MAX_SLOTS).filter(closed);
  return [...empty, ...beyond];
}
