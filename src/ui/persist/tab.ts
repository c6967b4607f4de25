/**
 * Which autosave slot this tab writes. Each tab has its own: the slot id is
 * kept in sessionStorage, which survives reloads of the same tab and is empty
 * in a new one. A tab holds a Web Lock named for its slot while it lives, so
 * other tabs can tell which documents are open right now, and a duplicated
 * tab (browsers copy sessionStorage into it) notices the slot is taken and
 * takes a new one instead of writing over the original's.
 */

const TAB_KEY = 'netloom.tab';
const LOCK_PREFIX = 'netloom.slot.';
/** How long a reloaded tab waits for its old page to let go of the slot's lock. */
const RECLAIM_WAIT_MS = 1500;

export interface SlotClaim {
  id: string;
  /** Let other tabs take this slot (this tab moved to another document). */
  release(): void;
}

/** Web Locks are missing in old browsers and on plain-http pages other than localhost. */
const locks = (): LockManager | null => (typeof navigator !== 'undefined' && navigator.locks) || null;

/** True when this browser can tell which slots other tabs hold. */
export const canTellOpenSlots = () => locks() !== null;

export function newSlotId(): string {
  const c = globalThis.crypto;
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The slot this tab used before a reload, if any. */
export function rememberedSlot(): string | null {
  try {
    return sessionStorage.getItem(TAB_KEY);
  } catch {
    return null;
  }
}

export function rememberSlot(id: string) {
  try {
    sessionStorage.setItem(TAB_KEY, id);
  } catch {
    // Blocked: a reload then starts like a new tab, which finds this slot again (it is the newest, and free).
  }
}

/**
 * Hold slot `id` for as long as this page lives. Null when another tab holds
 * it (after waiting up to `waitMs` for it to let go). Without Web Locks every
 * claim succeeds: nothing can be told apart.
 */
export function claimSlot(id: string, waitMs = 0): Promise<SlotClaim | null> {
  const lm = locks();
  if (!lm) return Promise.resolve({ id, release() {} });
  return new Promise((resolve) => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const abort = new AbortController();
    const timer = waitMs > 0 ? setTimeout(() => abort.abort(), waitMs) : undefined;
    const granted = (lock: Lock | null) => {
      clearTimeout(timer);
      if (!lock) {
        resolve(null);
        return undefined;
      }
      resolve({ id, release });
      return held;
    };
    const options: LockOptions = waitMs > 0 ? { signal: abort.signal } : { ifAvailable: true };
    // Rejects (AbortError) when the wait ran out: someone else holds it.
    lm.request(LOCK_PREFIX + id, options, granted).catch(() => resolve(null));
  });
}

/** This tab's slot: the one it had before a reload, else a new one (also when a duplicated tab finds its copied id taken). */
export async function claimTabSlot(): Promise<{ claim: SlotClaim; reloaded: boolean }> {
  const before = rememberedSlot();
  if (before) {
    const claim = await claimSlot(before, RECLAIM_WAIT_MS);
    if (claim) return { claim, reloaded: true };
  }
  const id = newSlotId();
  rememberSlot(id);
  return { claim: (await claimSlot(id)) ?? { id, release() {} }, reloaded: false };
}

/** The slots open in some tab right now (this one included); null when this browser cannot tell. */
export async function openSlots(): Promise<Set<string> | null> {
  const lm = locks();
  if (!lm) return null;
  try {
    const { held = [] } = await lm.query();
    return new Set(held.flatMap((l) => (l.name?.startsWith(LOCK_PREFIX) ? [l.name.slice(LOCK_PREFIX.length)] : [])));
  } catch {
    return null;
  }
}
