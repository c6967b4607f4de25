/**
 * The IndexedDB object store autosave keeps everything in (idb-keyval's
 * one-store database `netloom` / `autosave`). Documents and their weights are
 * records under their own keys in this one store, so a new kind of record
 * never needs a database version change (an upgrade would be blocked while an
 * older netloom tab holds the database open).
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { classifyStorageError, StorageUnavailable } from './storageError.ts';

const DB_NAME = 'netloom';
const STORE_NAME = 'autosave';
/** IndexedDB that does not answer in this time counts as unavailable. */
export const READ_TIMEOUT_MS = 3000;

let store: UseStore | null = null;

/** The store; throws StorageUnavailable when this browser has no IndexedDB. */
export function idb(): UseStore {
  if (typeof indexedDB === 'undefined' || !indexedDB) throw new StorageUnavailable('IndexedDB is not available in this browser');
  return (store ??= createStore(DB_NAME, STORE_NAME));
}

/** After a failure that may have closed the connection: open it again next time. */
export function forgetIdbAfter(e: unknown) {
  if (classifyStorageError(e) === 'unavailable') store = null;
}

export function withTimeout<T>(p: Promise<T>, ms = READ_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new StorageUnavailable('IndexedDB did not answer')), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

/** Keys that start with `prefix`, as an IndexedDB range. */
export function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`);
}

/** Run `fn` in one readwrite transaction and resolve when it has committed (at once: a page being left may not wait). */
export async function writeTx(fn: (s: IDBObjectStore) => void): Promise<void> {
  try {
    await idb()('readwrite', (s) => {
      fn(s);
      s.transaction.commit?.();
      return promisifyRequest(s.transaction);
    });
  } catch (e) {
    forgetIdbAfter(e);
    throw e;
  }
}

/** Read in one readonly transaction, within the timeout. */
export async function readTx<T>(fn: (s: IDBObjectStore) => Promise<T>): Promise<T> {
  try {
    return await withTimeout(idb()('readonly', fn));
  } catch (e) {
    store = null;
    throw e;
  }
}

/** The browser's own words for a failure (shown in small print). */
export function errorText(e: unknown): string {
  if (e instanceof Error || (e && typeof e === 'object' && 'message' in e)) {
    const { name, message } = e as { name?: string; message?: string };
    return [name, message].filter(Boolean).join(': ');
  }
  return String(e);
}
