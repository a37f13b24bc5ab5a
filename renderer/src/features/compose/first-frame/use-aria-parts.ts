import { startTransition, useEffect, useState } from 'react';

export type AriaParts = typeof import('../aria-parts');

// Asked for as the start modules run, so the parts download and compile while the first frame renders.
const loading: Promise<AriaParts> = import('../aria-parts');
let loaded: AriaParts | null = null;
void loading.then((parts) => {
  loaded = parts;
});

/* Once the app's first frame is committed, a later mount (back to Compose) renders the parts at once. */
let firstFrameDone = false;

/**
 * Compose's parts built on React Aria (ComposeView draws stand-ins or
 * placeholders until then): null in the app's first frame, which is one
 * long task the user waits behind, then the parts in a transition as soon
 * as their code is in, which React interrupts for a keystroke.
 */
export function useAriaParts(): AriaParts | null {
  const [parts, setParts] = useState<AriaParts | null>(firstFrameDone ? loaded : null);
  useEffect(() => {
    firstFrameDone = true;
    if (parts) return;
    let mounted = true;
    void loading.then((arrived) => {
      if (mounted) startTransition(() => setParts(arrived));
    });
    return () => {
      mounted = false;
    };
  }, [parts]);
  return parts;
}
