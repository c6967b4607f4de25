/**
 * How long the page spends putting a view's new answer on screen (from the
 * view's render to the end of React's commit, one task), as User Timing measures
 * named `inside:<view>`: the browser test and the bench read them to show
 * that no update of the views is a long main-thread task.
 */
const started = new Map<string, number>();

/** A new answer for `view` is being rendered (or, for thumbnails, put in the store). */
export function updateStarted(view: string): void {
  started.set(view, performance.now());
}

/** Call from a layout effect after the update's commit. */
export function updateCommitted(view: string): void {
  const start = started.get(view);
  if (start === undefined) return;
  started.delete(view);
  try {
    performance.measure(`inside:${view}`, { start, end: performance.now() });
  } catch {
    // User Timing unavailable: nothing to record.
  }
}
