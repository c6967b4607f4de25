/**
 * Autosave of this tab's document into its own slot (see tab.ts): the graph
 * within 300 ms of every change and at once when the page is hidden or left;
 * its weights whenever they change (never on a graph edit: they are MBs).
 * All writes of a tab go one after another. Failures never erase anything;
 * they raise a persistent warning (see StorageWarning). The graph matters more
 * than its weights: when storage is full, the weights make room for it.
 */
import { useEditor } from '../store.ts';
import { useWeights } from '../weights/store.ts';
import type { GraphDoc } from '../../graph/schema.ts';
import type { ImportedWeights } from '../../import/types.ts';
import { createSaver, type Saver } from './saver.ts';
import { classifyStorageError } from './storageError.ts';
import { usePersist } from './status.ts';
import { errorText, writeTx } from './idb.ts';
import { docKey, docRecord, weightsKey } from './records.ts';
import { weightsRecord } from './weights-record.ts';
import { clearStash, writeStash } from './stash.ts';
import type { SlotClaim } from './tab.ts';

export const AUTOSAVE_DELAY_MS = 300;

const present = () => useEditor.getState().history.present;

let slot: SlotClaim | null = null;
/** The slot holds a document record (a copy of another tab's document is written at its first change). */
let slotWritten = false;
let saver: Saver<GraphDoc> | null = null;
/** The last document IndexedDB confirmed for this slot. */
let confirmedDoc: GraphDoc | null = null;
/** The last document known to be safe: autosaved, or downloaded by the user. */
let safeDoc: GraphDoc | null = null;
/** What `weights:<slot>` holds. */
let storedWeights: ImportedWeights | null = null;
/** Weights whose write failed: not tried again until they change or the user asks. */
let weightsFailedFor: ImportedWeights | null | undefined;
/** Weights the user downloaded (no need to warn before leaving). */
let downloadedWeights: ImportedWeights | null = null;
/** While set, weight changes are this module's own (opening a slot), not the user's. */
let quiet = false;
let queue: Promise<void> = Promise.resolve();

/** Every storage write of this tab, one after another. */
function enqueue(job: () => Promise<void>): Promise<void> {
  const run = queue.then(job);
  queue = run.catch(() => undefined);
  return run;
}

function setStoredWeights(w: ImportedWeights | null) {
  storedWeights = w;
  usePersist.setState({ storedWeights: w });
}

/** Note that the user has a copy of `doc` on disk (a download): no need to warn before leaving. */
export function markDownloaded(doc: GraphDoc) {
  safeDoc = doc;
}

export function markWeightsDownloaded(w: ImportedWeights) {
  downloadedWeights = w;
}

/** This tab's slot id (null before startup has chosen one). */
export const currentSlot = (): string | null => slot?.id ?? null;

async function writeDoc(id: string, doc: GraphDoc): Promise<void> {
  const put = () => writeTx((s) => void s.put(docRecord(doc), docKey(id)));
  try {
    await put();
  } catch (e) {
    if (classifyStorageError(e) !== 'quota' || !storedWeights) throw e;
    // Storage is full: the graph matters more than its weights. Drop them to make room, and say so.
    await writeTx((s) => void s.delete(weightsKey(id)));
    setStoredWeights(null);
    weightsFailedFor = useWeights.getState().weights;
    usePersist.setState({ weightsProblem: 'quota', weightsDetail: errorText(e) });
    await put();
  }
}

/** Bring `weights:<slot>` in line with the weights store (write, or delete when there are none). */
function syncWeights(): Promise<void> {
  return enqueue(async () => {
    if (!slot || !slotWritten) return;
    const { weights, source } = useWeights.getState();
    if (weights === storedWeights || weights === weightsFailedFor) return;
    const id = slot.id;
    try {
      await writeTx((s) => void (weights ? s.put(weightsRecord(weights, source ?? '?'), weightsKey(id)) : s.delete(weightsKey(id))));
      setStoredWeights(weights);
      weightsFailedFor = undefined;
      usePersist.setState({ weightsProblem: null, weightsDetail: '' });
    } catch (e) {
      weightsFailedFor = weights;
      usePersist.setState({ weightsProblem: classifyStorageError(e), weightsDetail: errorText(e) });
      if (import.meta.env.DEV) console.warn('autosave of the weights failed', e);
      // What is stored belongs to weights the user has since replaced: a reload must not bring those back.
      if (storedWeights) {
        try {
          await writeTx((s) => void s.delete(weightsKey(id)));
          setStoredWeights(null);
        } catch {
          // it stays; the warning is up
        }
      }
    }
  });
}

/**
 * Start autosaving into `claim`'s slot. With `canWrite` false (the stored work
 * could not be read) nothing is written, so nothing can be written over; the
 * warning says so. `saveNow` writes the present document at once (a graph
 * that came from a link or the sample). `written`: the slot already holds
 * this document (false for a copy of another tab's, written at its first
 * change). `weights`: what the slot holds of the weights now in the store.
 */
export function startAutosave(opts: { claim: SlotClaim; canWrite: boolean; saveNow: boolean; written: boolean; weights: ImportedWeights | null }): () => void {
  slot = opts.claim;
  slotWritten = opts.written;
  setStoredWeights(opts.weights);
  weightsFailedFor = undefined;
  safeDoc = confirmedDoc = opts.saveNow ? null : present();
  const stashIfUnsaved = () => {
    if (slot && present() !== confirmedDoc) writeStash(slot.id, present());
  };
  if (!opts.canWrite) {
    if (!usePersist.getState().problem) usePersist.setState({ problem: 'read-failed' });
    return onLeave(stashIfUnsaved);
  }
  usePersist.setState({ writing: true });
  const s = createSaver<GraphDoc>({
    write: (doc) =>
      enqueue(async () => {
        if (!slot) return;
        const id = slot.id;
        if (doc !== confirmedDoc) {
          await writeDoc(id, doc);
          slotWritten = true;
        }
        safeDoc = confirmedDoc = doc;
        clearStash(id);
      }).then(() => void syncWeights()),
    delayMs: AUTOSAVE_DELAY_MS,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    onResult: (r) => {
      if (r.ok) usePersist.setState({ problem: null, detail: '', savedAt: Date.now() });
      else {
        usePersist.setState({ problem: classifyStorageError(r.error), detail: errorText(r.error) });
        if (import.meta.env.DEV) console.warn('autosave failed', r.error);
      }
    },
  });
  saver = s;
  const offDoc = useEditor.subscribe((st, prev) => {
    if (st.history.present !== prev.history.present) s.schedule(st.history.present);
  });
  const offWeights = useWeights.subscribe((st, prev) => {
    if (quiet || st.weights === prev.weights) return;
    if (slotWritten) void syncWeights();
    else {
      // A copy not written yet: new weights are a change worth keeping, the graph goes first.
      confirmedDoc = null;
      s.schedule(present());
    }
  });
  if (opts.saveNow) s.schedule(present());
  const off = onLeave(() => {
    stashIfUnsaved();
    void s.flush();
  });
  return () => {
    offDoc();
    offWeights();
    off();
    s.dispose();
    if (saver === s) saver = null;
  };
}

/** Write what is pending now; false when it could not be written (the warning is up). */
export async function flushAutosave(): Promise<boolean> {
  if (!saver) return usePersist.getState().problem === null;
  await saver.flush();
  await queue;
  return !saver.pending() && usePersist.getState().problem === null;
}

/**
 * Carry on in another slot (a document chosen from the documents list):
 * the present one must be flushed first (see flushAutosave). `show` puts
 * `doc` and its weights on screen; the weight changes it makes are not
 * written back. `saveNow`, `written` and `weights` as for startAutosave.
 */
export function switchSlot(claim: SlotClaim, doc: GraphDoc, weights: ImportedWeights | null, opts: { written: boolean; saveNow: boolean }, show: () => void) {
  slot?.release();
  slot = claim;
  slotWritten = opts.written;
  setStoredWeights(opts.written ? weights : null);
  weightsFailedFor = undefined;
  usePersist.setState({ weightsProblem: null, weightsDetail: '' });
  safeDoc = confirmedDoc = opts.saveNow ? null : doc;
  quiet = true;
  try {
    show();
  } finally {
    quiet = false;
  }
}

/** Retry a failed autosave now (the "Try again" button): the graph, then the weights. */
export async function retryAutosave(): Promise<void> {
  if (!saver) return;
  weightsFailedFor = undefined;
  saver.schedule(present());
  await saver.flush();
  await syncWeights();
}

/** Flush on pagehide / hidden tab; warn before leaving when the work (or its weights) exists nowhere else. */
function onLeave(flush: () => void): () => void {
  const onHide = () => flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    const p = usePersist.getState();
    const weights = useWeights.getState().weights;
    const graphAtRisk = p.problem && present() !== safeDoc;
    const weightsAtRisk = weights && weights !== storedWeights && weights !== downloadedWeights && (p.problem || p.weightsProblem);
    if (graphAtRisk || weightsAtRisk) {
      e.preventDefault();
      e.returnValue = '';
    }
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}
