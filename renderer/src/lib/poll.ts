import { useEffect } from 'react';

/** Calls `load` now and every `everyMs` while the component is shown. */
export function usePolling(load: () => Promise<void> | void, everyMs: number): void {
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await load();
      if (!stopped) timer = setTimeout(tick, everyMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load, everyMs]);
}
