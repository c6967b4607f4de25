/**
 * Autosave to IndexedDB (idb-keyval): every document change is written
 * within 300 ms, and at once when the page is hidden or left. Failures never
 * erase anything; they raise a persistent warning (see StorageWarning).
 */
import { createStore, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { useEditor } from '../store.ts';
import { loadGraph, type LoadError } from '../../graph/load.ts';
import type { GraphDoc } from '../../graph/schema.ts';
import { createSaver, type Saver } from './saver.ts';
import { classifyStorageError, StorageUnavailable } from './storageError.ts';
import { usePersist } from './status.ts';

const DB_NAME = 'netloom';
const STORE_NAME = 'autosave';
const KEY = 'current';
const RECORD_FORMAT = 'netloom.autosave';
/** IndexedDB that does not answer in this time counts as unavailable. */
const READ_TIMEOUT_MS = 3000;
export const AUTOSAVE_DELAY_MS = 300;

interface AutosaveRecord {
  format: typeof RECORD_FORMAT;
  savedAt: number;
  /** The document as JSON text: read back through loadGraph, so it is validated like a file. */
  text: string;
}

let store: UseStore | null = null;
function idb(): UseStore {
  if (typeof indexedDB === 'undefined' || !indexedDB) throw new StorageUnavailable('IndexedDB is not available in this browser');
  return (store ??= createStore(DB_NAME, STORE_NAME));
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new StorageUnavailable('IndexedDB did not answer')), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

function errorText(e: unknown): string {
  if (e instanceof Error || (e && typeof e === 'object' && 'message' in e)) {
    const { name, message } = e as { name?: string; message?: string };
    return [name, message].filter(Boolean).join(': ');
  }
  return String(e);
}

export type AutosaveRead =
  | { kind: 'none' }
  /** `fromStash`: the copy kept synchronously when the page was left was newer than IndexedDB's. */
  | { kind: 'ok'; doc: GraphDoc; savedAt: number; fromStash?: true }
  /** Something is stored but it does not load (e.g. written by a newer netloom): kept aside, never overwritten. */
  | { kind: 'unreadable'; error: LoadError | { code: 'record'; message: string }; kept: boolean }
  | { kind: 'failed'; error: unknown; stash?: GraphDoc };

/**
 * IndexedDB writes started while a page is being left can be dropped by the
 * browser, so leaving also keeps a synchronous copy in localStorage (when it
 * fits); startup takes whichever copy is newer, and a confirmed IndexedDB
 * write removes it.
 */
const STASH_KEY = 'netloom.autosave.unload';

function readStash(): { doc: GraphDoc; savedAt: number } | null {
  try {
    const raw = localStorage.getItem(STASH_KEY);
    if (!raw) return null;
    const rec = JSON.parse(raw) as Partial<AutosaveRecord> | null;
    if (rec?.format !== RECORD_FORMAT || typeof rec.text !== 'string') return null;
    const r = loadGraph(rec.text);
    return r.ok ? { doc: r.doc, savedAt: Number(rec.savedAt) || 0 } : null;
  } catch {
    return null;
  }
}

function writeStash(doc: GraphDoc) {
  try {
    const rec: AutosaveRecord = { format: RECORD_FORMAT, savedAt: Date.now(), text: JSON.stringify(doc) };
    localStorage.setItem(STASH_KEY, JSON.stringify(rec));
  } catch {
    // Too big for localStorage, or blocked: the IndexedDB write is all there is.
  }
}

function clearStash() {
  try {
    localStorage.removeItem(STASH_KEY);
  } catch {
    // nothing to do
  }
}

/** The autosaved document (the newer of IndexedDB's and the unload copy), if any. Never throws. */
export async function readAutosave(): Promise<AutosaveRead> {
  const r = await readIndexedDb();
  const stash = readStash();
  if (!stash) return r;
  if (r.kind === 'none' || (r.kind === 'ok' && stash.savedAt > r.savedAt)) return { kind: 'ok', doc: stash.doc, savedAt: stash.savedAt, fromStash: true };
  if (r.kind === 'failed') return { ...r, stash: stash.doc };
  return r;
}

async function readIndexedDb(): Promise<AutosaveRead> {
  let rec: unknown;
  try {
    rec = await withTimeout(get(KEY, idb()), READ_TIMEOUT_MS);
  } catch (error) {
    store = null;
    return { kind: 'failed', error };
  }
  if (rec === undefined) return { kind: 'none' };
  const r =
    rec && typeof rec === 'object' && (rec as AutosaveRecord).format === RECORD_FORMAT && typeof (rec as AutosaveRecord).text === 'string'
      ? loadGraph((rec as AutosaveRecord).text)
      : ({ ok: false, error: { code: 'record', message: 'the stored autosave is not in a form this version knows' } } as const);
  if (r.ok) return { kind: 'ok', doc: r.doc, savedAt: Number((rec as AutosaveRecord).savedAt) || 0 };
  // Keep the unreadable record under another key before anything can write over it.
  let kept = false;
  try {
    await withTimeout(set(`unreadable-${Date.now()}`, rec, idb()), READ_TIMEOUT_MS);
    kept = true;
  } catch {
    kept = false;
  }
  return { kind: 'unreadable', error: r.error, kept };
}

async function writeAutosave(doc: GraphDoc): Promise<void> {
  const rec: AutosaveRecord = { format: RECORD_FORMAT, savedAt: Date.now(), text: JSON.stringify(doc) };
  try {
    await idb()('readwrite', (s) => {
      s.put(rec, KEY);
      // Commit now rather than when the task ends: a page being left may not get that far.
      s.transaction.commit?.();
      return promisifyRequest(s.transaction);
    });
  } catch (e) {
    if (classifyStorageError(e) === 'unavailable') store = null; // reopen next time
    throw e;
  }
}

let saver: Saver<GraphDoc> | null = null;
/** The last document IndexedDB confirmed. */
let confirmedDoc: GraphDoc | null = null;
/** The last document known to be safe: autosaved, or downloaded by the user. */
let safeDoc: GraphDoc | null = null;

/** Note that the user has a copy of `doc` on disk (a download): no need to warn before leaving. */
export function markDownloaded(doc: GraphDoc) {
  safeDoc = doc;
}

/**
 * Start autosaving. With `canWrite` false (the stored work could not be read)
 * nothing is written, so nothing can be written over; the warning says so.
 * `saveNow` writes the present document at once (a graph that came from a link or the sample).
 */
export function startAutosave({ canWrite, saveNow }: { canWrite: boolean; saveNow: boolean }): () => void {
  const present = () => useEditor.getState().history.present;
  safeDoc = confirmedDoc = saveNow ? null : present();
  const stashIfUnsaved = () => {
    if (present() !== confirmedDoc) writeStash(present());
  };
  if (!canWrite) {
    if (!usePersist.getState().problem) usePersist.setState({ problem: 'read-failed' });
    return onLeave(stashIfUnsaved);
  }
  usePersist.setState({ writing: true });
  const s = createSaver<GraphDoc>({
    write: async (doc) => {
      await writeAutosave(doc);
      safeDoc = confirmedDoc = doc;
      clearStash();
    },
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
  const unsubscribe = useEditor.subscribe((st, prev) => {
    if (st.history.present !== prev.history.present) s.schedule(st.history.present);
  });
  if (saveNow) s.schedule(present());
  const off = onLeave(() => {
    stashIfUnsaved();
    void s.flush();
  });
  return () => {
    unsubscribe();
    off();
    s.dispose();
    if (saver === s) saver = null;
  };
}

/** Retry a failed autosave now (the "Try again" button). */
export function retryAutosave(): Promise<void> {
  if (!saver) return Promise.resolve();
  saver.schedule(useEditor.getState().history.present);
  return saver.flush();
}

/** Flush on pagehide / hidden tab; warn before leaving when the work exists nowhere else. */
function onLeave(flush: () => void): () => void {
  const onHide = () => flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (usePersist.getState().problem && useEditor.getState().history.present !== safeDoc) {
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
