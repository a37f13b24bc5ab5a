import { type ReactNode, startTransition, useEffect, useState } from 'react';

/*
 * Once the app's first frame has been committed, every later mount renders
 * its deferred parts at once: coming back to a view never shows placeholders.
 */
let firstFrameDone = false;

/**
 * Keeps costly parts that the first keystroke does not need (React Aria's
 * Selects and Menus below the message) out of the start's first render,
 * which is one long task the user waits behind: the placeholder holds their
 * place, and they render in a transition right after the first commit, which
 * React interrupts for a keystroke.
 */
export function AfterFirstFrame(props: { placeholder: ReactNode; children: ReactNode }) {
  const [shown, setShown] = useState(firstFrameDone);
  useEffect(() => {
    firstFrameDone = true;
    if (!shown) startTransition(() => setShown(true));
  }, [shown]);
  return shown ? props.children : props.placeholder;
}
