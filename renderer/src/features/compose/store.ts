import { create } from 'zustand';
import type { EncodingChoice } from '../../../../shared/sms';
import { outpost } from '../../lib/outpost';
import { type Problem, problemFrom } from '../../lib/problem';

const DRAFT_KEY = 'outpost.compose.draft';

export interface Draft {
  accountId: number | null;
  to: string;
  /** null until the person types one: the default sender from Settings applies. */
  from: string | null;
  text: string;
  encoding: EncodingChoice;
  at: string;
}

export type ComposeField = 'to' | 'from' | 'text' | 'at' | 'validity' | 'campaign';

interface ComposeState extends Draft {
  sending: boolean;
  fieldError: { field: ComposeField; problem: Problem } | null;
  sent: { id: number; to: string; segments: number } | null;
  /** The text before the last "replace" suggestion, so it can be undone. */
  beforeReplace: string | null;
  /** Bumped by Ctrl/Cmd+N so the view moves focus to the first field. */
  focusRequest: number;
  set: (patch: Partial<Draft>) => void;
  replaceText: (text: string) => void;
  undoReplace: () => void;
  newMessage: (to?: string, accountId?: number) => void;
  /**
   * Contacts chosen in Contacts ("Message these"). Placeholder until the
   * compose-to-many work (h11a) replaces it with real recipients.
   */
  contactIds: number[];
  addContacts: (ids: readonly number[]) => void;
  send: (defaults: { sender: string; country: string }) => Promise<void>;
}

function loadDraft(): Draft {
  const empty: Draft = { accountId: null, to: '', from: null, text: '', encoding: 'auto', at: '' };
  try {
    return { ...empty, ...(JSON.parse(localStorage.getItem(DRAFT_KEY) ?? '{}') as Partial<Draft>) };
  } catch {
    return empty;
  }
}

function saveDraft(d: Draft): void {
  const { accountId, to, from, text, encoding, at } = d;
  localStorage.setItem(DRAFT_KEY, JSON.stringify({ accountId, to, from, text, encoding, at }));
}

/** The message being written; the draft survives a restart (nothing typed is lost). */
export const useCompose = create<ComposeState>((set, get) => ({
  ...loadDraft(),
  sending: false,
  fieldError: null,
  sent: null,
  beforeReplace: null,
  focusRequest: 0,
  set: (patch) => {
    set({ ...patch, fieldError: null, sent: null });
    saveDraft(get());
  },
  replaceText: (text) => {
    set({ beforeReplace: get().text, text, sent: null });
    saveDraft(get());
  },
  undoReplace: () => {
    const previous = get().beforeReplace;
    if (previous === null) return;
    set({ text: previous, beforeReplace: null });
    saveDraft(get());
  },
  contactIds: [],
  addContacts: (ids) =>
    set({
      contactIds: [...new Set([...get().contactIds, ...ids])],
      focusRequest: get().focusRequest + 1,
    }),
  newMessage: (to, accountId) => {
    set({
      ...(to === undefined ? {} : { to }),
      ...(accountId === undefined ? {} : { accountId }),
      fieldError: null,
      sent: null,
      focusRequest: get().focusRequest + 1,
    });
    saveDraft(get());
  },
  send: async (defaults) => {
    const d = get();
    if (get().sending) return;
    if (d.accountId === null) {
      set({ fieldError: { field: 'to', problem: { key: 'compose:errors.noAccount' } } });
      return;
    }
    const at = d.at ? Date.parse(d.at) : undefined;
    if (at !== undefined && Number.isNaN(at)) {
      set({ fieldError: { field: 'at', problem: { key: 'compose:errors.badTime' } } });
      return;
    }
    set({ sending: true, fieldError: null, sent: null });
    try {
      const reply = await outpost().outbox.send({
        accountId: d.accountId,
        to: d.to,
        from: d.from ?? defaults.sender,
        text: d.text,
        encoding: d.encoding,
        defaultCountry: defaults.country,
        ...(at === undefined ? {} : { at }),
      });
      if (reply.ok) {
        set({
          sent: { id: reply.id, to: d.to, segments: reply.segments },
          text: '',
          at: '',
          beforeReplace: null,
        });
        saveDraft(get());
      } else {
        set({ fieldError: { field: reply.field, problem: { sentence: reply.message } } });
      }
    } catch (error) {
      set({ fieldError: { field: 'text', problem: problemFrom(error) } });
    } finally {
      set({ sending: false });
    }
  },
}));
