/**
 * Runs a refresh so that at most one is in flight: a request made while one
 * runs marks it dirty and ONE more run follows. A burst of pushed "changed"
 * hints therefore costs at most two fetches, never one per hint.
 */
export function coalesce(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let dirty = false;
  const loop = async (): Promise<void> => {
    try {
      do {
        dirty = false;
        await run();
      } while (dirty);
    } finally {
      running = null;
    }
  };
  return () => {
    if (running) {
      dirty = true;
      return running;
    }
    running = loop();
    return running;
  };
}
