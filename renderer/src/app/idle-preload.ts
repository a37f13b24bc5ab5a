/** How long a preload may wait for an idle moment before it runs anyway. */
const IDLE_TIMEOUT_MS = 2_000;

type Idle = (callback: () => void, options: { timeout: number }) => number;

/**
 * Runs the tasks one after the other, each in its own idle moment of the
 * main thread, so fetching and compiling the next views never lands in the
 * middle of a keystroke. A failed task (a chunk that did not arrive) is left
 * for its view to retry when opened. Returns the function that stops what has
 * not started yet.
 */
export function preloadWhenIdle(tasks: readonly (() => Promise<unknown>)[]): () => void {
  const idle: Idle =
    typeof requestIdleCallback === 'function'
      ? (callback, options) => requestIdleCallback(callback, options)
      : (callback) => window.setTimeout(callback, 50);
  const cancelIdle = (id: number) =>
    typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id);
  let stopped = false;
  let pending: number | null = null;
  const next = (i: number) => {
    const task = tasks[i];
    if (stopped || !task) return;
    pending = idle(
      () => {
        pending = null;
        void task()
          .catch(() => undefined)
          .then(() => next(i + 1));
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  };
  next(0);
  return () => {
    stopped = true;
    if (pending !== null) cancelIdle(pending);
  };
}
