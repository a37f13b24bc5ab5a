import type { z } from 'zod';
import { create } from 'zustand';
import type { EventPayload } from '../../../../shared/ipc/events';
import type { ContactView } from '../../../../shared/ipc/schemas/contacts';
import { coalesce } from '../../lib/latest';
import { outpost } from '../../lib/outpost';
import type { Problem } from '../../lib/problem';

export type Contact = z.infer<typeof ContactView>;

export type SyncProgress = Omit<EventPayload<'sync.state'>, 'accountId'>;

interface ContactsState {
  query: string;
  total: number;
  contacts: Contact[];
  loaded: boolean;
  watching: boolean;
  syncAccountId: number | null;
  /** Per account, what the last pushed sync state said. */
  progress: Record<number, SyncProgress>;
  syncing: boolean;
  /** The outcome of the last sync the person started. */
  outcome: Problem | null;
  setQuery: (query: string) => void;
  setSyncAccount: (accountId: number) => void;
  load: () => Promise<void>;
  refreshIfWatched: () => void;
  stopWatching: () => void;
  applySyncState: (event: EventPayload<'sync.state'>) => void;
  sync: (account: { id: number; name: string }) => Promise<void>;
}

export const useContacts = create<ContactsState>((set, get) => {
  let asked = 0;
  /** Search as typed: every keystroke asks, only the newest answer is kept. */
  const search = async () => {
    const mine = ++asked;
    const found = await outpost().contacts.search({ query: get().query, limit: 50 });
    if (mine === asked) set({ total: found.total, contacts: found.contacts, loaded: true });
  };
  const refresh = coalesce(search);
  return {
    query: '',
    total: 0,
    contacts: [],
    loaded: false,
    watching: false,
    syncAccountId: null,
    progress: {},
    syncing: false,
    outcome: null,
    setQuery: (query) => {
      set({ query });
      void search();
    },
    setSyncAccount: (syncAccountId) => set({ syncAccountId }),
    load: async () => {
      set({ watching: true });
      await refresh();
    },
    refreshIfWatched: () => {
      if (get().watching) void refresh();
    },
    stopWatching: () => set({ watching: false }),
    applySyncState: ({ accountId, ...progress }) =>
      set({ progress: { ...get().progress, [accountId]: progress } }),
    sync: async (account) => {
      set({ syncing: true, outcome: null });
      try {
        const reply = await outpost().contacts.sync({ accountId: account.id });
        set({
          outcome: reply.ok
            ? {
                key: reply.conflicts ? 'contacts:sync.doneConflicts' : 'contacts:sync.done',
                params: {
                  count: reply.contacts,
                  account: account.name,
                  conflicts: reply.conflicts,
                },
              }
            : { key: 'contacts:sync.failed', params: { reason: reply.message } },
        });
      } catch (error) {
        set({
          outcome: {
            key: 'contacts:sync.failed',
            params: { reason: error instanceof Error ? error.message : String(error) },
          },
        });
      } finally {
        set({ syncing: false });
      }
      await refresh();
    },
  };
});
