import { create } from 'zustand';
import { outpost } from '../../lib/outpost';
import type { Contact } from '../contacts/store';

interface QuickSearchState {
  open: boolean;
  query: string;
  contacts: Contact[];
  /** Recipients of the newest messages, matched by digits as typed. */
  recipients: string[];
  show: () => Promise<void>;
  hide: () => void;
  setQuery: (query: string) => void;
}

/** Ctrl/Cmd+K: contacts from the core's search; conversations are matched in the view. */
export const useQuickSearch = create<QuickSearchState>((set, get) => {
  let asked = 0;
  const search = async () => {
    const mine = ++asked;
    const query = get().query;
    const found = query.trim()
      ? await outpost().contacts.search({ query, limit: 8 })
      : { contacts: [] };
    if (mine === asked) set({ contacts: found.contacts });
  };
  return {
    open: false,
    query: '',
    contacts: [],
    recipients: [],
    show: async () => {
      set({ open: true, query: '', contacts: [] });
      const messages = await outpost().outbox.list({ limit: 500 });
      set({ recipients: [...new Set(messages.map((m) => m.recipient))] });
    },
    hide: () => set({ open: false }),
    setQuery: (query) => {
      set({ query });
      void search();
    },
  };
});
