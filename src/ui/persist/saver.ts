/**
 * A debounced saver: the first unsaved change starts a timer (not restarted
 * by later changes, so work is never more than `delayMs` plus one write old),
 * writes are strictly one after another, and only the newest value is written.
 * Storage and timer are injected, so this runs in tests without a browser.
 */
export type SaveResult = { ok: true } | { ok: false; error: unknown };

export interface SaverDeps<T> {
  write(value: T): Promise<void>;
  delayMs: number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  onResult?(r: SaveResult): void;
}

export interface Saver<T> {
  /** Note a new value; it is written within `delayMs`. */
  schedule(value: T): void;
  /** Write what is pending now (pagehide, tab hidden); resolves when written or failed. */
  flush(): Promise<void>;
  /** True while a value is waiting to be written (also after a failed write, until it is retried). */
  pending(): boolean;
  /** Stop the timer; pending values are dropped. */
  dispose(): void;
}

export function createSaver<T>(deps: SaverDeps<T>): Saver<T> {
  let latest: { value: T } | null = null;
  let timer: unknown = null;
  let chain: Promise<void> = Promise.resolve();

  const writeLatest = async () => {
    if (!latest) return;
    const { value } = latest;
    latest = null;
    try {
      await deps.write(value);
      deps.onResult?.({ ok: true });
    } catch (error) {
      // Keep the value so a flush retries it, unless something newer already came.
      if (!latest) latest = { value };
      deps.onResult?.({ ok: false, error });
    }
  };
  const run = () => {
    if (timer !== null) {
      deps.clearTimer(timer);
      timer = null;
    }
    chain = chain.then(writeLatest);
    return chain;
  };

  return {
    schedule(value) {
      latest = { value };
      if (timer === null) timer = deps.setTimer(() => void run(), deps.delayMs);
    },
    flush: run,
    pending: () => latest !== null,
    dispose() {
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
      latest = null;
    },
  };
}
