/**
 * What kind of storage failure an error is. Browsers name "storage is full"
 * differently (QuotaExceededError, Firefox's NS_ERROR_DOM_QUOTA_REACHED,
 * legacy codes 22 and 1014), and "there is no usable storage" differently
 * again (IndexedDB missing, private modes, blocked by settings).
 */
export type StorageProblem = 'quota' | 'unavailable' | 'other';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const QUOTA_CODES = new Set([22, 1014]);
const UNAVAILABLE_NAMES = new Set(['SecurityError', 'InvalidStateError', 'NotAllowedError', 'UnknownError', 'NotFoundError', 'VersionError']);

/** Thrown by our own code when IndexedDB is missing or does not answer. */
export class StorageUnavailable extends Error {
  override name = 'StorageUnavailable';
}

export function classifyStorageError(e: unknown): StorageProblem {
  if (e === null || typeof e !== 'object') return 'other';
  const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return 'quota';
  if (typeof code === 'number' && QUOTA_CODES.has(code)) return 'quota';
  if (typeof message === 'string' && /quota|NS_ERROR_DOM_QUOTA_REACHED|disk is full|no space/i.test(message)) return 'quota';
  if (e instanceof StorageUnavailable || (typeof name === 'string' && UNAVAILABLE_NAMES.has(name))) return 'unavailable';
  return 'other';
}
