import {
  createContext,
  type ReactNode,
  startTransition,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { type MessageCount, mergeTargets, messageCount } from '../message-count';
import { useCompose } from '../store';
import { messageText, useComposeText } from '../text-store';

/*
 * A keystroke renders two things at once: the message field and the counter
 * under it (MessageCounter, `countShown`). Everything else that depends on the text (the
 * merge summary and preview, the hints, the cost, who is left out, the send
 * button's count) reads `useSettledCount`, which follows the text in the next
 * frame: the keystroke's own render holds only the counter, and keys that
 * come within one frame are merged and counted for every recipient once.
 * Once typing pauses, both show the count of the same text.
 */
const SettledCount = createContext<MessageCount | null>(null);

function useCountOf(text: string): MessageCount {
  const encoding = useCompose((s) => s.encoding);
  const targets = useCompose((s) => mergeTargets(s.audience?.recipients));
  return useMemo(() => messageCount(text, targets, encoding), [text, targets, encoding]);
}

/**
 * The text as of the last frame. Set from a frame callback, as a transition
 * React may interrupt for the next key, so its render comes after the
 * counter's paint; a hidden window gets no frames, so there it waits for a
 * task instead.
 */
function useSettledText(): string {
  const [text, setText] = useState(messageText);
  useEffect(() => {
    let pending = false;
    const settle = () => {
      pending = false;
      startTransition(() => setText(messageText()));
    };
    const unsubscribe = useComposeText.subscribe(() => {
      if (pending) return;
      pending = true;
      if (document.hidden) setTimeout(settle, 0);
      else requestAnimationFrame(settle);
    });
    // A text set between the first render and this subscription.
    setText(messageText());
    return unsubscribe;
  }, []);
  return text;
}

/**
 * Holds the settled count for the parts below it. Its children are the
 * elements Compose rendered (unchanged by a keystroke), and a keystroke does
 * not render this at all: only, a frame later, it and the parts that read it.
 */
export function SettledCountProvider({ children }: { children: ReactNode }) {
  const count = useCountOf(useSettledText());
  return <SettledCount.Provider value={count}>{children}</SettledCount.Provider>;
}

/** The count as of the last render React finished after typing. */
export function useSettledCount(): MessageCount {
  const count = useContext(SettledCount);
  if (!count) throw new Error('useSettledCount is used outside SettledCountProvider.');
  return count;
}
