import { create } from 'zustand';
import type { EncodingChoice } from '../../../shared/sms';
import { outpost } from '../lib/outpost';

const DRAFT_KEY = 'outpost.compose.draft';

export interface Draft {
  accountId: number | null;
  to: string;
  from: string;
  text: string;
  encoding: EncodingChoice;
  at: string;
}

type Field = 'to' | 'from' | 'text' | 'at' | 'validity' | 'campaign';

interface ComposeState extends Draft {
  sending: boolean;
  fieldError: { field: Field; message: string } | null;
  sent: { id: number; to: string; segments: number } | null;
  /** The text before the last "replace" suggestion, so it can be undone. */
  beforeReplace: string | null;
  set: (patch: Partial<Draft>) => void;
  replaceText: (text: string) => void;
  undoReplace: () => void;
  send: () => Promise<void>;
}

function loadDraft(): Draft {
  const empty: Draft = {
    accountId: null,
    to: '',
    from: 'OUTPOST',
    text: '',
    encoding: 'auto',
    at: '',
  };
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
  send: async () => {
    const d = get();
    if (d.accountId === null) {
      set({ fieldError: { field: 'to', message: 'Choose the account to send with.' } });
      return;
    }
    const at = d.at ? Date.parse(d.at) : undefined;
    if (at !== undefined && Number.isNaN(at)) {
      set({ fieldError: { field: 'at', message: 'The send time is not a valid date and time.' } });
      return;
    }
    set({ sending: true, fieldError: null, sent: null });
    try {
      const reply = await outpost().outbox.send({
        accountId: d.accountId,
        to: d.to,
        from: d.from,
        text: d.text,
        encoding: d.encoding,
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
        set({ fieldError: { field: reply.field, message: reply.message } });
      }
    } catch (error) {
      set({
        fieldError: {
          field: 'text',
          message: error instanceof Error ? error.message : String(error),
        },
      });
    } finally {
      set({ sending: false });
    }
  },
}));
