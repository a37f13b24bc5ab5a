import { create } from 'zustand';
import { splitNumberList } from '../../../../shared/compose/number-list';
import type { ReplyOf, RequestOf } from '../../../../shared/ipc/contract';
import type { DraftChip, DraftState } from '../../../../shared/ipc/schemas/drafts';
import { coalesce } from '../../lib/latest';
import { outpost } from '../../lib/outpost';
import { type Problem, problemFrom } from '../../lib/problem';
import { messageText, setMessageText } from './text-store';

/** The working copy of the message, in this window's storage so a reload never loses a keystroke. */
const WORKING_KEY = 'outpost.compose.draft';
/**
 * While typing, the working copy is written at most this often, after the
 * keystroke's render rather than inside it; leaving or reloading the page
 * writes it at once (pagehide), so only a crash of the window could lose the
 * last fraction of a second.
 */
const WORKING_DELAY_MS = 200;
/** The text waits this long after the last keystroke before the core checks it against the rules. */
const CHECK_DELAY_MS = 400;
/** The draft is written to the profile this long after the last change. */
const SAVE_DELAY_MS = 500;

export type { DraftChip };
export type Resolved = Extract<ReplyOf<'compose.resolve'>, { ok: true }>;
export type Recipient = Resolved['recipients'][number];
export type Pricing = ReplyOf<'compose.pricing'>;
export type DraftView = ReplyOf<'drafts.list'>[number];
export type SendResult = Extract<ReplyOf<'compose.send'>, { ok: true }>;
export type ComposeField = 'to' | 'from' | 'text' | 'at' | 'validity' | 'campaign';
export type Groups = ReplyOf<'contacts.groups'>;
export type ContactHit = ReplyOf<'contacts.search'>['contacts'][number];

/** What the recipients field offers for what is typed in it. */
export interface Suggestions {
  query: string;
  contacts: ContactHit[];
  books: Groups['books'];
  tags: Groups['tags'];
  /** The typed text checked as a number (country, line type, or why not). */
  number: Recipient | null;
}

const NO_SUGGESTIONS: Suggestions = { query: '', contacts: [], books: [], tags: [], number: null };
/** Digits, spaces and the punctuation of a number being typed. */
const NUMBER_LIKE = /^[+(]?[\d\s().\-/]{3,}$/;

/** What a draft holds: the text and everything picked beside it. */
export interface Draft extends Omit<DraftState, 'chips'> {
  chips: DraftChip[];
  text: string;
}

export type PreviewChoice = 'first' | 'longest' | { key: string };

/** Everything but the text, which has a store of its own (text-store.ts). */
export interface ComposeState extends Omit<Draft, 'text'> {
  draftId: number | null;
  defaultCountry: string;
  audience: Resolved | null;
  audienceError: string | null;
  resolving: boolean;
  /** Prices and balance per account, read once per account (and again after a send). */
  pricing: Record<number, Pricing | 'loading'>;
  drafts: DraftView[];
  /** Books and tags of each account with their member counts (contacts.groups). */
  groups: Record<number, Groups>;
  suggestions: Suggestions;
  preview: PreviewChoice;
  sending: boolean;
  fieldError: { field: ComposeField; problem: Problem } | null;
  sent: (SendResult & { to: string }) | null;
  /** The draft deleted last, offered back with Undo for a few seconds. */
  removedDraft: DraftView | null;
  /** The text before the last "replace" suggestion, so it can be undone. */
  beforeReplace: string | null;
  /** Bumped by Ctrl/Cmd+N so the view moves focus to the first field. */
  focusRequest: number;
  set: (patch: Partial<Draft>) => void;
  setDefaultCountry: (country: string) => void;
  setPreview: (preview: PreviewChoice) => void;
  replaceText: (text: string) => void;
  undoReplace: () => void;
  addChips: (chips: DraftChip[]) => void;
  /** Typed or pasted text: one chip per number in it. */
  addNumbers: (text: string) => void;
  /** h11b's "Message these" (and Contacts' "Message"): these contacts become recipients. */
  addContacts: (contactIds: number[]) => void;
  removeChip: (index: number) => void;
  /** Removes the number chips whose recipient `drop` says (invalid ones, duplicates). */
  removeNumbers: (drop: (key: string, index: number) => boolean) => void;
  newMessage: (to?: string, accountId?: number) => void;
  resolve: () => Promise<void>;
  loadGroups: (accountId: number) => Promise<void>;
  searchRecipients: (query: string) => Promise<void>;
  loadPricing: (accountId: number, again?: boolean) => Promise<void>;
  send: (defaults: { sender: string }) => Promise<void>;
  loadDrafts: () => Promise<void>;
  openDraft: (id: number) => void;
  startNew: () => void;
  deleteDraft: (id: number) => Promise<DraftView | null>;
  restoreDraft: (draft: DraftView) => Promise<void>;
  forgetRemovedDraft: () => void;
}

const EMPTY: Draft = {
  accountId: null,
  chips: [],
  from: null,
  text: '',
  encoding: 'auto',
  at: '',
  validFor: '',
  marketing: false,
};

interface Working extends Draft {
  draftId: number | null;
}

function loadWorking(): Working {
  try {
    const saved = JSON.parse(localStorage.getItem(WORKING_KEY) ?? '{}') as Partial<Working>;
    return {
      ...EMPTY,
      draftId: null,
      ...saved,
      chips: Array.isArray(saved.chips) ? saved.chips : [],
    };
  } catch {
    return { ...EMPTY, draftId: null };
  }
}

function draftOf(s: Omit<Draft, 'text'>, text: string): Draft {
  const { accountId, chips, from, encoding, at, validFor, marketing } = s;
  return { accountId, chips, from, text, encoding, at, validFor, marketing };
}

function chipKey(c: DraftChip): string {
  if (c.kind === 'number') return `n:${c.input}`;
  if (c.kind === 'tag') return `t:${c.name}`;
  return `${c.kind}:${c.id}`;
}

/** What the core needs to know who the chips are. */
export function selectionOf(chips: readonly DraftChip[]) {
  const contactIds: number[] = [];
  const bookIds: number[] = [];
  const tags: string[] = [];
  const numbers: string[] = [];
  for (const c of chips) {
    if (c.kind === 'contact') contactIds.push(c.id);
    else if (c.kind === 'book') bookIds.push(c.id);
    else if (c.kind === 'tag') tags.push(c.name);
    else numbers.push(c.input);
  }
  return { contactIds, bookIds, tags, numbers };
}

function sendTime(at: string): number | undefined | 'bad' {
  if (!at) return undefined;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? 'bad' : ms;
}

/** The message being written, to one person or many; drafts survive restarts (kept in the profile). */
export const useCompose = create<ComposeState>((setRest, get) => {
  /** The text goes to its own store, the rest here: a patch of the text alone notifies only the text's readers. */
  const set = (patch: Partial<ComposeState> & { text?: string }) => {
    const { text, ...rest } = patch;
    if (Object.keys(rest).length > 0) setRest(rest);
    if (text !== undefined) setMessageText(text);
  };
  let checkTimer: ReturnType<typeof setTimeout> | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();
  /** Search as typed: only the newest answer is shown. */
  let asked = 0;
  let workingTimer: ReturnType<typeof setTimeout> | null = null;

  const persistWorking = () => {
    if (workingTimer) clearTimeout(workingTimer);
    workingTimer = null;
    const s = get();
    localStorage.setItem(
      WORKING_KEY,
      JSON.stringify({ ...draftOf(s, messageText()), draftId: s.draftId }),
    );
  };
  const persistWorkingSoon = () => {
    workingTimer ??= setTimeout(persistWorking, WORKING_DELAY_MS);
  };
  // One listener for the store's life (the store is created once).
  globalThis.addEventListener?.('pagehide', () => {
    if (workingTimer) persistWorking();
  });

  /** Writes the draft to the profile, one save after another so a new draft gets one id. */
  const saveNow = () => {
    saving = saving.then(async () => {
      const s = get();
      const { text, ...state } = draftOf(s, messageText());
      if (text === '' && s.chips.length === 0 && s.draftId === null) return;
      try {
        const saved = await outpost().drafts.save({
          ...(s.draftId === null ? {} : { id: s.draftId }),
          body: text,
          state,
        });
        if (get().draftId === null && s.draftId === null) set({ draftId: saved.id });
        persistWorking();
        set({ drafts: [saved, ...get().drafts.filter((d) => d.id !== saved.id)] });
      } catch {
        // The working copy is still in this window's storage; the next change saves again.
      }
    });
  };

  const changed = (options: { recipients?: boolean } = {}) => {
    persistWorkingSoon();
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = null;
      saveNow();
    }, SAVE_DELAY_MS);
    if (checkTimer) clearTimeout(checkTimer);
    checkTimer = null;
    if (options.recipients) void resolve();
    else
      checkTimer = setTimeout(() => {
        checkTimer = null;
        void resolve();
      }, CHECK_DELAY_MS);
  };

  const resolve = coalesce(async () => {
    const s = get();
    if (s.accountId === null || s.chips.length === 0) {
      set({ audience: null, audienceError: null, resolving: false });
      return;
    }
    const at = sendTime(s.at);
    const request: RequestOf<'compose.resolve'> = {
      accountId: s.accountId,
      ...selectionOf(s.chips),
      defaultCountry: s.defaultCountry,
      text: messageText(),
      encoding: s.encoding,
      marketing: s.marketing,
      ...(typeof at === 'number' && at > 0 ? { at } : {}),
    };
    set({ resolving: true });
    try {
      const reply = await outpost().compose.resolve(request);
      if (reply.ok) {
        set({ audience: reply, audienceError: null });
        labelContacts(reply);
      } else set({ audienceError: reply.message });
    } catch (error) {
      set({ audienceError: error instanceof Error ? error.message : String(error) });
    } finally {
      set({ resolving: false });
    }
  });

  /** Contacts added by id ("Message these") get their names once the core has said them. */
  const labelContacts = (audience: Resolved) => {
    const names = new Map(
      audience.recipients.map((r) => [r.contactId, r.name || r.e164 || r.input]),
    );
    let touched = false;
    const chips = get().chips.map((c) => {
      if (c.kind !== 'contact' || c.label !== '') return c;
      const label = names.get(c.id);
      if (!label) return c;
      touched = true;
      return { ...c, label };
    });
    if (touched) {
      set({ chips });
      persistWorking();
    }
  };

  const addChips = (chips: DraftChip[]) => {
    const seen = new Set(
      get()
        .chips.filter((c) => c.kind !== 'number')
        .map(chipKey),
    );
    // Numbers are kept even when repeated (the core merges and says so); a book or tag once.
    const fresh = chips.filter((c) => c.kind === 'number' || !seen.has(chipKey(c)));
    if (fresh.length === 0) return;
    set({ chips: [...get().chips, ...fresh], fieldError: null, sent: null });
    changed({ recipients: true });
  };

  const clearMessage = (patch: Partial<ComposeState> = {}) => {
    const s = get();
    set({
      ...EMPTY,
      accountId: s.accountId,
      from: s.from,
      draftId: null,
      audience: null,
      audienceError: null,
      beforeReplace: null,
      fieldError: null,
      ...patch,
    });
    persistWorking();
  };

  const { text: workingText, ...working } = loadWorking();
  setMessageText(workingText);

  return {
    ...working,
    defaultCountry: 'ES',
    audience: null,
    audienceError: null,
    resolving: false,
    pricing: {},
    drafts: [],
    groups: {},
    suggestions: NO_SUGGESTIONS,
    preview: 'first',
    sending: false,
    fieldError: null,
    sent: null,
    removedDraft: null,
    beforeReplace: null,
    focusRequest: 0,
    set: (patch) => {
      const { fieldError, sent } = get();
      // A keystroke with nothing to clear sets the text alone.
      if (patch.text === undefined || Object.keys(patch).length > 1 || fieldError || sent)
        set({ ...patch, fieldError: null, sent: null });
      else setMessageText(patch.text);
      changed({ recipients: patch.accountId !== undefined || patch.chips !== undefined });
    },
    setDefaultCountry: (defaultCountry) => {
      if (defaultCountry === get().defaultCountry) return;
      set({ defaultCountry });
      void resolve();
    },
    setPreview: (preview) => set({ preview }),
    replaceText: (text) => {
      set({ beforeReplace: messageText(), text, sent: null });
      changed();
    },
    undoReplace: () => {
      const previous = get().beforeReplace;
      if (previous === null) return;
      set({ text: previous, beforeReplace: null });
      changed();
    },
    addChips,
    addNumbers: (text) =>
      addChips(splitNumberList(text).map((input) => ({ kind: 'number', input }))),
    addContacts: (contactIds) =>
      addChips(contactIds.map((id) => ({ kind: 'contact', id, label: '' }))),
    removeChip: (index) => {
      set({ chips: get().chips.filter((_, i) => i !== index), sent: null });
      changed({ recipients: true });
    },
    removeNumbers: (drop) => {
      const typed = get().audience?.typed ?? [];
      let n = -1;
      const chips = get().chips.filter((c) => {
        if (c.kind !== 'number') return true;
        n++;
        return !drop(typed[n] ?? '', n);
      });
      set({ chips });
      changed({ recipients: true });
    },
    newMessage: (to, accountId) => {
      set({
        ...(accountId === undefined ? {} : { accountId }),
        fieldError: null,
        sent: null,
        focusRequest: get().focusRequest + 1,
      });
      if (to !== undefined && to !== '') addChips([{ kind: 'number', input: to }]);
      else changed({ recipients: accountId !== undefined });
    },
    resolve,
    loadGroups: async (accountId) => {
      try {
        const groups = await outpost().contacts.groups({ accountId });
        set({ groups: { ...get().groups, [accountId]: groups } });
      } catch {
        // Without groups the field still finds contacts and numbers.
      }
    },
    searchRecipients: async (query) => {
      const mine = ++asked;
      const q = query.trim();
      if (q === '') {
        set({ suggestions: NO_SUGGESTIONS });
        return;
      }
      const s = get();
      const lower = q.toLocaleLowerCase();
      const isNumber = NUMBER_LIKE.test(q);
      const [found, checked] = await Promise.all([
        outpost()
          .contacts.search({ query: q, limit: 8 })
          .catch(() => ({ total: 0, contacts: [] })),
        isNumber && s.accountId !== null
          ? outpost()
              .compose.resolve({
                accountId: s.accountId,
                numbers: [q],
                defaultCountry: s.defaultCountry,
              })
              .catch(() => null)
          : Promise.resolve(null),
        // Counts change as contacts sync or are edited: asked again with each search.
        s.accountId === null ? Promise.resolve() : get().loadGroups(s.accountId),
      ]);
      if (mine !== asked) return;
      const groups = s.accountId === null ? undefined : get().groups[s.accountId];
      const books = (groups?.books ?? []).filter((b) => b.name.toLocaleLowerCase().includes(lower));
      const tags = (groups?.tags ?? []).filter((t) => t.name.toLocaleLowerCase().includes(lower));
      const number = checked?.ok ? (checked.recipients[0] ?? null) : null;
      set({ suggestions: { query: q, contacts: found.contacts, books, tags, number } });
    },
    loadPricing: async (accountId, again = false) => {
      const known = get().pricing[accountId];
      if (known && !again) return;
      if (!known) set({ pricing: { ...get().pricing, [accountId]: 'loading' } });
      try {
        const pricing = await outpost().compose.pricing({ accountId });
        set({ pricing: { ...get().pricing, [accountId]: pricing } });
      } catch (error) {
        const note = error instanceof Error ? error.message : String(error);
        const failed: Pricing = {
          prices: [],
          currency: null,
          balance: null,
          note,
          schedulesAtProvider: false,
        };
        set({ pricing: { ...get().pricing, [accountId]: failed } });
      }
    },
    send: async (defaults) => {
      const s = get();
      if (s.sending) return;
      if (s.accountId === null) {
        set({ fieldError: { field: 'to', problem: { key: 'compose:errors.noAccount' } } });
        return;
      }
      if (s.chips.length === 0) {
        set({ fieldError: { field: 'to', problem: { key: 'compose:errors.noRecipients' } } });
        return;
      }
      const text = messageText();
      const at = sendTime(s.at);
      if (at === 'bad') {
        set({ fieldError: { field: 'at', problem: { key: 'compose:errors.badTime' } } });
        return;
      }
      set({ sending: true, fieldError: null, sent: null });
      try {
        const reply = await outpost().compose.send({
          accountId: s.accountId,
          ...selectionOf(s.chips),
          defaultCountry: s.defaultCountry,
          from: s.from ?? defaults.sender,
          text,
          encoding: s.encoding,
          marketing: s.marketing,
          ...(at === undefined ? {} : { at }),
          ...(s.validFor.trim() === '' ? {} : { validFor: s.validFor.trim() }),
        });
        if (!reply.ok) {
          set({ fieldError: { field: reply.field, problem: { sentence: reply.message } } });
          return;
        }
        const only = s.audience?.recipients.find(
          (r) => r.problem === null && r.suppressed === null,
        );
        const sentDraft = s.draftId;
        clearMessage({ sent: { ...reply, to: only?.e164 ?? '' } });
        if (saveTimer) clearTimeout(saveTimer);
        saveTimer = null;
        // The draft went out: it is no longer a draft.
        if (sentDraft !== null) {
          saving = saving.then(async () => {
            await outpost().drafts.remove({ id: sentDraft });
            set({ drafts: get().drafts.filter((d) => d.id !== sentDraft) });
          });
        }
        void get().loadPricing(s.accountId, true);
      } catch (error) {
        set({ fieldError: { field: 'text', problem: problemFrom(error) } });
      } finally {
        set({ sending: false });
      }
    },
    loadDrafts: async () => {
      try {
        set({ drafts: await outpost().drafts.list() });
      } catch {
        // Drafts stay as they were on screen; the next save lists them again.
      }
    },
    openDraft: (id) => {
      const draft = get().drafts.find((d) => d.id === id);
      if (!draft) return;
      saveNow();
      set({
        ...draft.state,
        accountId: draft.state.accountId ?? get().accountId,
        text: draft.body,
        draftId: draft.id,
        audience: null,
        fieldError: null,
        sent: null,
        beforeReplace: null,
        focusRequest: get().focusRequest + 1,
      });
      persistWorking();
      void resolve();
    },
    startNew: () => {
      saveNow();
      clearMessage({ sent: null, focusRequest: get().focusRequest + 1 });
    },
    deleteDraft: async (id) => {
      const { removed } = await outpost().drafts.remove({ id });
      set({ drafts: get().drafts.filter((d) => d.id !== id), removedDraft: removed });
      if (get().draftId === id) clearMessage();
      return removed;
    },
    restoreDraft: async (draft) => {
      const saved = await outpost().drafts.save({
        id: draft.id,
        body: draft.body,
        state: draft.state,
        createdAt: draft.createdAt,
      });
      set({
        drafts: [saved, ...get().drafts.filter((d) => d.id !== saved.id)],
        removedDraft: null,
      });
    },
    forgetRemovedDraft: () => set({ removedDraft: null }),
  };
});
