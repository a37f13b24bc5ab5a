/** A store module that comes with its view, not with the start bundle. */
export interface LaterStore<M> {
  /** Hands the module over, importing it first if needed; deliveries keep their order. */
  use: (deliver: (module: M) => void) => void;
}

/**
 * A feature store kept out of the start bundle: the first event for it
 * imports its module (a small chunk; its view may already have loaded it),
 * and every event is handed over in arrival order once it is there. The
 * module cannot be skipped while not loaded: its view may have loaded it
 * through its own import, and this function cannot see that synchronously.
 */
export function laterStore<M>(load: () => Promise<M>): LaterStore<M> {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    use: (deliver) => {
      if (module !== undefined) {
        deliver(module);
        return;
      }
      loading ??= load().then((m) => {
        module = m;
        return m;
      });
      // Each delivery chains on the one promise, so they run in the order the events came.
      void loading.then(deliver, () => undefined);
    },
  };
}
