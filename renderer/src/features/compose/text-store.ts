import { create } from 'zustand';

/**
 * The message as typed, in a store of its own. A keystroke sets only this:
 * it notifies the message field, the counter and the settled count that read
 * the text, not the subscribers of everything else Compose holds (store.ts),
 * whose selectors would otherwise all run, and `ComposeView`'s copy and
 * compare of some forty keys, on every key.
 */
export const useComposeText = create<{ text: string }>(() => ({ text: '' }));

/** The text as it is now, for code that reads it once (a send, a save, a merge field inserted). */
export function messageText(): string {
  return useComposeText.getState().text;
}

export function setMessageText(text: string): void {
  if (text !== messageText()) useComposeText.setState({ text });
}
