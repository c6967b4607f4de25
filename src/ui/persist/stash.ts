/**
 * IndexedDB writes started while a page is being left can be dropped by the
 * browser, so leaving also keeps a synchronous copy of the slot's document in
 * localStorage (when it fits), under the slot's own key: tabs share
 * localStorage. Startup takes whichever copy is newer; a confirmed IndexedDB
 * write removes it.
 */
import type { GraphDoc } from '../../graph/schema.ts';
import { docRecord, readDocRecord } from './records.ts';

const STASH_PREFIX = 'netloom.autosave.unload.';
/** The one unload copy of netloom before per-tab slots. */
const LEGACY_STASH_KEY = 'netloom.autosave.unload';

export interface Stashed {
  doc: GraphDoc;
  savedAt: number;
}

function readKey(key: string): Stashed | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const r = readDocRecord(JSON.parse(raw));
    return r.ok ? { doc: r.doc, savedAt: r.savedAt } : null;
  } catch {
    return null;
  }
}

function removeKey(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to do
  }
}

export const readStash = (slot: string) => readKey(STASH_PREFIX + slot);
export const clearStash = (slot: string) => removeKey(STASH_PREFIX + slot);
export const readLegacyStash = () => readKey(LEGACY_STASH_KEY);
export const clearLegacyStash = () => removeKey(LEGACY_STASH_KEY);

function writeKey(key: string, doc: GraphDoc, savedAt = Date.now()) {
  try {
    localStorage.setItem(key, JSON.stringify(docRecord(doc, savedAt)));
  } catch {
    // Too big for localStorage, or blocked: the IndexedDB write is all there is.
  }
}

export const writeStash = (slot: string, doc: GraphDoc) => writeKey(STASH_PREFIX + slot, doc);
/** A legacy unload copy that could not be moved into a slot goes back where it was. */
export const putBackLegacyStash = (s: Stashed) => writeKey(LEGACY_STASH_KEY, s.doc, s.savedAt);

/** The slots that have an unload copy (any tab's). */
export function stashedSlots(): string[] {
  try {
    const out: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(STASH_PREFIX)) out.push(key.slice(STASH_PREFIX.length));
    }
    return out;
  } catch {
    return [];
  }
}
