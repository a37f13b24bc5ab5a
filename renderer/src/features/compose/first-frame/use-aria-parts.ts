import { startTransition, useEffect, useState } from 'react';

export type AriaParts = typeof import('../aria-parts');

/*
 * Asked for once the first frame is committed, not as the start modules run: fetched earlier,
 * the parts' chunks were compiled and evaluated (with React Aria's first Intl calls, which load
 * ICU's data) while the start waited for its first answers, and the first render waited for them.
 */
let loading: Promise<AriaParts> | null = null;
let loaded: AriaParts | null = null;
function load(): Promise<AriaParts> {
  loading ??= import('../aria-parts').then((parts) => {
    loaded = parts;
    return parts;
  });
  return loading;
}

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
    void load().then((arrived) => {
      if (mounted) startTransition(() => setParts(arrived));
    });
    return () => {
      mounted = false;
    };
  }, [parts]);
  return parts;
}
