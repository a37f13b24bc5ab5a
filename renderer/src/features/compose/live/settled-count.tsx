import { createContext, type ReactNode, useContext, useDeferredValue, useMemo } from 'react';
import { type MessageCount, mergeTargets, messageCount } from '../message-count';
import { useCompose } from '../store';

/*
 * A keystroke renders two things at once: the message field and the counter
 * under it (MessageCounter, `countShown`). Everything else that depends on the text (the
 * merge summary and preview, the hints, the cost, who is left out, the send
 * button's count) reads `useSettledCount`, which React renders after the
 * keystroke's own paint, as a transition it may interrupt for the next key.
 * Once typing pauses, both show the count of the same text.
 */
const SettledCount = createContext<MessageCount | null>(null);

function useCountOf(text: string): MessageCount {
  const encoding = useCompose((s) => s.encoding);
  const targets = useCompose((s) => mergeTargets(s.audience?.recipients));
  return useMemo(() => messageCount(text, targets, encoding), [text, targets, encoding]);
}

/**
 * Holds the settled count for the parts below it. Its children are the
 * elements Compose rendered (unchanged by a keystroke), so a keystroke
 * re-renders only this component and, a moment later, the parts that read it.
 */
export function SettledCountProvider({ children }: { children: ReactNode }) {
  const count = useCountOf(useDeferredValue(useCompose((s) => s.text)));
  return <SettledCount.Provider value={count}>{children}</SettledCount.Provider>;
}

/** The count as of the last render React finished after typing. */
export function useSettledCount(): MessageCount {
  const count = useContext(SettledCount);
  if (!count) throw new Error('useSettledCount is used outside SettledCountProvider.');
  return count;
}
