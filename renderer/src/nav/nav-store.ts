import { create } from 'zustand';

export const VIEWS = [
  { id: 'compose', label: 'Compose', key: '1' },
  { id: 'outbox', label: 'Outbox', key: '2' },
  { id: 'conversations', label: 'Conversations', key: '3' },
  { id: 'contacts', label: 'Contacts', key: '4' },
  { id: 'accounts', label: 'Accounts', key: '5' },
  { id: 'system', label: 'System', key: '6' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

interface NavState {
  view: ViewId;
  /** The recipient a conversation view opens on (from the outbox, say). */
  recipient: string | null;
  go: (view: ViewId, recipient?: string | null) => void;
}

export const useNav = create<NavState>((set) => ({
  view: 'compose',
  recipient: null,
  go: (view, recipient = null) => set({ view, recipient }),
}));
