/**
 * The autosaved documents in this browser, one slot per tab: reading this
 * tab's, listing every one, moving the record of netloom before slots into
 * a slot, deleting. Reads never throw (they say what happened); a record that
 * cannot be read is never written over.
 */
import { promisifyRequest } from 'idb-keyval';
import type { GraphDoc } from '../../graph/schema.ts';
import type { ImportedWeights } from '../../import/types.ts';
import type { LoadError } from '../../graph/load.ts';
import { forgetIdbAfter, idb, prefixRange, readTx, writeTx } from './idb.ts';
import { DOC_PREFIX, docKey, docRecord, LEGACY_KEY, readDocRecord, unreadableKey, WEIGHTS_PREFIX, weightsKey } from './records.ts';
import { clearLegacyStash, clearStash, putBackLegacyStash, readLegacyStash, readStash, stashedSlots } from './stash.ts';
import { readWeightsRecord } from './weights-record.ts';
import { newSlotId } from './tab.ts';

export type SlotRead =
  | { kind: 'none' }
  /** `fromStash`: the copy kept synchronously when the page was left was newer than IndexedDB's. */
  | { kind: 'ok'; doc: GraphDoc; savedAt: number; fromStash?: true }
  /** Something is stored but it does not load (e.g. written by a newer netloom): kept aside, never overwritten. */
  | { kind: 'unreadable'; error: LoadError | { code: 'record'; message: string }; kept: boolean }
  | { kind: 'failed'; error: unknown; stash?: GraphDoc };

/** This tab's document (the newer of IndexedDB's and the unload copy), if any. An unreadable one is moved aside first. */
export async function readSlot(slot: string): Promise<SlotRead> {
  const r = await readIndexedDb(slot);
  const stash = readStash(slot);
  if (!stash) return r;
  if (r.kind === 'none' || (r.kind === 'ok' && stash.savedAt > r.savedAt)) return { kind: 'ok', doc: stash.doc, savedAt: stash.savedAt, fromStash: true };
  if (r.kind === 'failed') return { ...r, stash: stash.doc };
  return r;
}

async function readIndexedDb(slot: string): Promise<SlotRead> {
  let rec: unknown;
  try {
    rec = await readTx((s) => promisifyRequest(s.get(docKey(slot))));
  } catch (error) {
    return { kind: 'failed', error };
  }
  if (rec === undefined) return { kind: 'none' };
  const r = readDocRecord(rec);
  if (r.ok) return { kind: 'ok', doc: r.doc, savedAt: r.savedAt };
  return { kind: 'unreadable', error: r.error, kept: await setAside(docKey(slot), rec) };
}

/** Keep an unreadable record under another key before anything can write over it. */
async function setAside(key: string, rec: unknown): Promise<boolean> {
  try {
    await writeTx((s) => {
      s.put(rec, unreadableKey());
      s.delete(key);
    });
    return true;
  } catch {
    return false;
  }
}

/** One autosaved document, for the documents list. */
export interface SlotSummary {
  id: string;
  savedAt: number;
  name: string;
  nodes: number;
  hasWeights: boolean;
  doc: GraphDoc;
  fromStash?: true;
}

/**
 * Every document this version can read, newest first (records it cannot
 * read, e.g. from a newer netloom in another tab, are left alone). Throws
 * when IndexedDB cannot be read at all.
 */
export async function listSlots(): Promise<SlotSummary[]> {
  const [keys, recs, weightKeys] = await readTx((s) =>
    Promise.all([promisifyRequest(s.getAllKeys(prefixRange(DOC_PREFIX))), promisifyRequest(s.getAll(prefixRange(DOC_PREFIX))), promisifyRequest(s.getAllKeys(prefixRange(WEIGHTS_PREFIX)))]),
  );
  const withWeights = new Set(weightKeys.map((k) => String(k).slice(WEIGHTS_PREFIX.length)));
  const found = new Map<string, SlotSummary>();
  keys.forEach((k, i) => {
    const r = readDocRecord(recs[i]);
    const id = String(k).slice(DOC_PREFIX.length);
    if (r.ok) found.set(id, summary(id, r.doc, r.savedAt, withWeights.has(id)));
  });
  // A tab whose last IndexedDB write was dropped as it closed left only its unload copy.
  for (const id of stashedSlots()) {
    const stash = readStash(id);
    const have = found.get(id);
    if (stash && (!have || stash.savedAt > have.savedAt)) found.set(id, { ...summary(id, stash.doc, stash.savedAt, withWeights.has(id)), fromStash: true });
  }
  return [...found.values()].sort((a, b) => b.savedAt - a.savedAt);
}

function summary(id: string, doc: GraphDoc, savedAt: number, hasWeights: boolean): SlotSummary {
  return { id, savedAt, name: doc.name, nodes: doc.nodes.length, hasWeights, doc };
}

/** A slot's weights: none, the weights, or why they could not be read. */
export type SlotWeights = { kind: 'none' } | { kind: 'ok'; weights: ImportedWeights; source: string } | { kind: 'bad'; message: string };

export async function readSlotWeights(slot: string): Promise<SlotWeights> {
  let rec: unknown;
  try {
    rec = await readTx((s) => promisifyRequest(s.get(weightsKey(slot))));
  } catch (e) {
    return { kind: 'bad', message: String((e as Error)?.message ?? e) };
  }
  if (rec === undefined) return { kind: 'none' };
  const r = readWeightsRecord(rec);
  return r.ok ? { kind: 'ok', weights: r.weights, source: r.source } : { kind: 'bad', message: r.message };
}

/** Delete a document and its weights (and its unload copy). */
export async function deleteSlot(slot: string): Promise<void> {
  await writeTx((s) => {
    s.delete(docKey(slot));
    s.delete(weightsKey(slot));
  });
  clearStash(slot);
}

export type LegacyMove = { kind: 'none' } | { kind: 'moved'; slot: string } | { kind: 'unreadable'; error: LoadError | { code: 'record'; message: string } };

/**
 * netloom before per-tab slots kept one document under `current` (and one
 * unload copy): move it into a slot of its own, so the next new tab opens it
 * as the newest document. One transaction, so two tabs starting at once
 * cannot both move it. An unreadable one is set aside, as a slot's would be.
 * Never throws; on failure everything stays where it was.
 */
export async function moveLegacyRecord(): Promise<LegacyMove> {
  const stash = readLegacyStash();
  // Taken first, so a tab starting at the same moment does not move it too; put back if the move fails.
  if (stash) clearLegacyStash();
  const slot = newSlotId();
  try {
    return await idb()('readwrite', (s) => {
      let outcome: LegacyMove = { kind: 'none' };
      const req = s.get(LEGACY_KEY);
      req.onsuccess = () => {
        const rec: unknown = req.result;
        const r = rec === undefined ? null : readDocRecord(rec);
        if (r && !r.ok) {
          s.put(rec, unreadableKey());
          s.delete(LEGACY_KEY);
          outcome = { kind: 'unreadable', error: r.error };
        }
        const doc = stash && (!r?.ok || stash.savedAt > r.savedAt) ? stash : r?.ok ? r : null;
        if (doc) {
          s.put(docRecord(doc.doc, doc.savedAt), docKey(slot));
          s.delete(LEGACY_KEY);
          outcome = { kind: 'moved', slot };
        }
      };
      return promisifyRequest(s.transaction).then(() => outcome);
    });
  } catch (e) {
    forgetIdbAfter(e);
    if (stash) putBackLegacyStash(stash);
    return { kind: 'none' };
  }
}
