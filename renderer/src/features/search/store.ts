import { create } from 'zustand';
import type { InboxThread } from '../../../../shared/ipc/schemas/inbox';
import { outpost } from '../../lib/outpost';
import type { Contact } from '../contacts/store';

interface QuickSearchState {
  open: boolean;
  query: string;
  contacts: Contact[];
  /** Conversations whose contact name or number matches, newest activity first. */
  threads: InboxThread[];
  show: () => Promise<void>;
  hide: () => void;
  setQuery: (query: string) => void;
}

/** Ctrl/Cmd+K: contacts and conversations, both from the core's search. */
export const useQuickSearch = create<QuickSearchState>((set, get) => {
  let asked = 0;
  const search = async () => {
    const mine = ++asked;
    const query = get().query.trim();
    const [found, threads] = query
      ? await Promise.all([
          outpost().contacts.search({ query, limit: 8 }),
          outpost().inbox.threads({ search: query, limit: 6 }),
        ])
      : [{ contacts: [] }, []];
    if (mine === asked) set({ contacts: found.contacts, threads });
  };
  return {
    open: false,
    query: '',
    contacts: [],
    threads: [],
    show: async () => {
      set({ open: true, query: '', contacts: [], threads: [] });
    },
    hide: () => set({ open: false }),
    setQuery: (query) => {
      set({ query });
      void search();
    },
  };
});
