import { create } from 'zustand';
import type { OutboxMessage } from '../../../../shared/ipc/schemas/outbox';
import { coalesce } from '../../lib/latest';
import { outpost } from '../../lib/outpost';

export interface Thread {
  recipient: string;
  /** Newest first. */
  messages: OutboxMessage[];
}

interface ConversationsState {
  threads: Thread[];
  loaded: boolean;
  watching: boolean;
  load: () => Promise<void>;
  refreshIfWatched: () => void;
  stopWatching: () => void;
}

/** One thread per recipient, newest first, from the newest 500 messages. */
export function groupThreads(messages: readonly OutboxMessage[]): Thread[] {
  const byRecipient = new Map<string, OutboxMessage[]>();
  for (const m of messages) {
    const list = byRecipient.get(m.recipient);
    if (list) list.push(m);
    else byRecipient.set(m.recipient, [m]);
  }
  return [...byRecipient].map(([recipient, list]) => ({ recipient, messages: list }));
}

export const useConversations = create<ConversationsState>((set, get) => {
  const fetch = coalesce(async () => {
    const messages = await outpost().outbox.list({ limit: 500 });
    set({ threads: groupThreads(messages), loaded: true });
  });
  return {
    threads: [],
    loaded: false,
    watching: false,
    load: async () => {
      set({ watching: true });
      await fetch();
    },
    refreshIfWatched: () => {
      if (get().watching) void fetch();
    },
    stopWatching: () => set({ watching: false }),
  };
});
