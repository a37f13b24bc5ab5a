import { create } from 'zustand';

/** The views, in the order of the sidebar and of Ctrl/Cmd+1…9. */
export const VIEWS = [
  'compose',
  'outbox',
  'conversations',
  'contacts',
  'bulk',
  'jobs',
  'settings',
] as const;
export type ViewId = (typeof VIEWS)[number];

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
