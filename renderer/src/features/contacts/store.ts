import type { z } from 'zod';
import { create } from 'zustand';
import type { ReplyOf, RequestOf } from '../../../../shared/ipc/contract';
import type { EventPayload } from '../../../../shared/ipc/events';
import type { ContactsPageReply } from '../../../../shared/ipc/schemas/contacts-manage';
import { afterNextPaint } from '../../lib/after-paint';
import { coalesce } from '../../lib/latest';
import { outpost } from '../../lib/outpost';
import type { Problem } from '../../lib/problem';
import { headingOf, PAGE_SIZE, pagesFor, pagesToKeep } from './page-window';

export type Contact = z.infer<typeof ContactsPageReply>['contacts'][number];
export type Groups = ReplyOf<'contacts.groups'>;
export type Abilities = ReplyOf<'contacts.abilities'>;
export type SortColumn = 'name' | 'phone' | 'email';
export type BulkAction = RequestOf<'contacts.bulk'>['action'];

export type ListFilter =
  | { kind: 'all' }
  | { kind: 'pending' }
  | { kind: 'book'; id: number }
  | { kind: 'tag'; name: string };

export type SyncProgress = Omit<EventPayload<'sync.state'>, 'accountId'>;

/** A delete the person can still take back. */
export interface UndoOffer {
  token: string;
  count: number;
  /** Date.now() after which the offer is withdrawn. */
  until: number;
}

/** Undo is offered for this long; the core holds the delete a little longer (see trash.ts). */
export const UNDO_SHOWN_MS = 8_000;

interface ContactsState {
  accountId: number | null;
  filter: ListFilter;
  query: string;
  sort: { column: SortColumn; descending: boolean };
  /** Rows of the current result, by page; only pages near the visible rows are held. */
  pages: Record<number, Contact[]>;
  total: number;
  /** Counts the results that landed (not their pages): the list renders a new one's visible rows first. */
  resultId: number;
  /** Everyone in the account, known from the last unfiltered result. */
  allCount: number | null;
  loaded: boolean;
  groups: Groups | null;
  abilities: Abilities | null;
  selected: ReadonlySet<number>;
  undo: UndoOffer | null;
  /** A bulk action's or delete's outcome, or a refusal. */
  notice: Problem | null;
  watching: boolean;
  /** Per account, what the last pushed sync state said. */
  progress: Record<number, SyncProgress>;
  syncing: boolean;
  /** The outcome of the last sync the person started. */
  outcome: Problem | null;
  setAccount: (accountId: number) => void;
  setFilter: (filter: ListFilter) => void;
  setQuery: (query: string) => void;
  setSort: (column: SortColumn) => void;
  /** The list shows rows start..end: fetch what it lacks. */
  showRange: (start: number, end: number) => void;
  load: (accountId: number) => Promise<void>;
  refreshIfWatched: () => void;
  stopWatching: () => void;
  toggleSelected: (id: number) => void;
  setSelected: (ids: readonly number[]) => void;
  remove: (ids: readonly number[]) => Promise<void>;
  undoRemove: () => Promise<void>;
  dropUndo: () => void;
  bulk: (action: BulkAction) => Promise<boolean>;
  detail: (id: number) => Promise<ReplyOf<'contacts.get'>>;
  create: (contact: RequestOf<'contacts.create'>['contact']) => Promise<ReplyOf<'contacts.create'>>;
  update: (
    id: number,
    patch: RequestOf<'contacts.update'>['patch'],
  ) => Promise<ReplyOf<'contacts.update'>>;
  resolve: (
    conflictId: number,
    keep: RequestOf<'contacts.resolveConflict'>['keep'],
  ) => Promise<ReplyOf<'contacts.resolveConflict'>>;
  applySyncState: (event: EventPayload<'sync.state'>) => void;
  sync: (account: { id: number; name: string }) => Promise<void>;
}

function pageRequest(
  s: ContactsState,
  page: number,
  withTotal: boolean,
): RequestOf<'contacts.page'> {
  return {
    accountId: s.accountId as number,
    query: s.query,
    ...(s.filter.kind === 'book' ? { bookId: s.filter.id } : {}),
    ...(s.filter.kind === 'tag' ? { tag: s.filter.name } : {}),
    pendingOnly: s.filter.kind === 'pending',
    sort: s.sort.column,
    descending: s.sort.descending,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
    withTotal,
  };
}

const VISIBLE_AT_START = 40;

export const useContacts = create<ContactsState>((set, get) => {
  /**
   * Bumped when the query, filter, order or data change: answers for an older
   * one are dropped, so a slow answer to "ma" never replaces the one to "mar".
   */
  let generation = 0;
  const inFlight = new Set<number>();
  let range = { start: 0, end: VISIBLE_AT_START };

  /**
   * A new result: the page at the top of the window is swapped in with the
   * count in one update (the count and the first rows paint together, and
   * the old result stays until then: no flicker). The pages around it follow
   * once that frame is drawn, or as the list asks for them, each answer
   * dropped if a newer result began.
   */
  const reload = async () => {
    const s = get();
    if (s.accountId === null) return;
    const mine = ++generation;
    inFlight.clear();
    const first = Math.floor(range.start / PAGE_SIZE);
    const head = await outpost().contacts.page(pageRequest(s, first, true));
    if (mine !== generation) return;
    const total = head.total ?? 0;
    const everyone = s.filter.kind === 'all' && s.query.trim() === '';
    set({
      pages: { [first]: head.contacts },
      total,
      resultId: get().resultId + 1,
      loaded: true,
      ...(everyone ? { allCount: total } : {}),
    });
    // Asking is serialising and sending a request, in this task: after the frame that shows the
    // result, not before it (the rows on screen are all in its first page).
    afterNextPaint(() => {
      if (mine !== generation) return;
      for (const p of pagesFor(range.start, range.end, total)) void fetchPage(p);
    });
  };
  const refresh = coalesce(reload);

  const fetchPage = async (page: number) => {
    if (inFlight.has(page) || get().pages[page]) return;
    const mine = generation;
    inFlight.add(page);
    try {
      const reply = await outpost().contacts.page(pageRequest(get(), page, false));
      if (mine !== generation) return;
      const held = { ...get().pages, [page]: reply.contacts };
      const keep = pagesToKeep(Object.keys(held).map(Number), Math.floor(range.start / PAGE_SIZE));
      const pages: Record<number, Contact[]> = {};
      for (const p of keep) pages[p] = held[p] as Contact[];
      set({ pages });
    } finally {
      if (mine === generation) inFlight.delete(page);
    }
  };

  const loadGroups = coalesce(async () => {
    const accountId = get().accountId;
    if (accountId === null) return;
    const [groups, abilities] = await Promise.all([
      outpost().contacts.groups({ accountId }),
      outpost().contacts.abilities({ accountId }),
    ]);
    if (get().accountId === accountId) set({ groups, abilities });
  });

  /** A new result: back to its top, selection cleared. */
  const restart = () => {
    // Answers still on their way are for the old result: none of them may land now.
    generation++;
    range = { start: 0, end: VISIBLE_AT_START };
    // A new empty set only when there was a selection: a new one would render the whole view
    // (it shows the bulk bar) on every key typed.
    if (get().selected.size > 0) set({ selected: new Set() });
    void refresh();
  };

  return {
    accountId: null,
    filter: { kind: 'all' },
    query: '',
    sort: { column: 'name', descending: false },
    pages: {},
    total: 0,
    resultId: 0,
    allCount: null,
    loaded: false,
    groups: null,
    abilities: null,
    selected: new Set(),
    undo: null,
    notice: null,
    watching: false,
    progress: {},
    syncing: false,
    outcome: null,
    setAccount: (accountId) => {
      if (accountId === get().accountId) return;
      set({
        accountId,
        filter: { kind: 'all' },
        groups: null,
        abilities: null,
        allCount: null,
        loaded: false,
        undo: null,
        notice: null,
      });
      restart();
      void loadGroups();
    },
    setFilter: (filter) => {
      set({ filter });
      restart();
    },
    setQuery: (query) => {
      set({ query });
      restart();
    },
    setSort: (column) => {
      const { sort } = get();
      set({
        sort: { column, descending: sort.column === column ? !sort.descending : false },
      });
      restart();
    },
    showRange: (start, end) => {
      const heading = headingOf(range, { start });
      range = { start, end };
      for (const p of pagesFor(start, end, get().total, heading)) void fetchPage(p);
    },
    load: async (accountId) => {
      set({ watching: true });
      if (get().accountId !== accountId) {
        get().setAccount(accountId);
        return;
      }
      await Promise.all([refresh(), loadGroups()]);
    },
    refreshIfWatched: () => {
      if (!get().watching) return;
      void refresh();
      void loadGroups();
    },
    stopWatching: () => set({ watching: false }),
    toggleSelected: (id) => {
      const selected = new Set(get().selected);
      if (!selected.delete(id)) selected.add(id);
      set({ selected });
    },
    setSelected: (ids) => set({ selected: new Set(ids) }),
    remove: async (ids) => {
      const reply = await outpost().contacts.delete({ ids: [...ids] });
      set({
        selected: new Set(),
        notice: null,
        undo: { token: reply.undoToken, count: reply.deleted, until: Date.now() + UNDO_SHOWN_MS },
      });
      await Promise.all([refresh(), loadGroups()]);
    },
    undoRemove: async () => {
      const offer = get().undo;
      if (!offer) return;
      set({ undo: null });
      const { restored } = await outpost().contacts.undoDelete({ undoToken: offer.token });
      set({
        notice: { key: 'contacts:undo.restored', params: { count: restored.length } },
      });
      await Promise.all([refresh(), loadGroups()]);
    },
    dropUndo: () => set({ undo: null }),
    detail: (id) => outpost().contacts.get({ id }),
    create: async (contact) => {
      const reply = await outpost().contacts.create({
        accountId: get().accountId as number,
        contact,
      });
      if (reply.ok) await Promise.all([refresh(), loadGroups()]);
      return reply;
    },
    update: async (id, patch) => {
      const reply = await outpost().contacts.update({ id, patch });
      if (reply.ok) await Promise.all([refresh(), loadGroups()]);
      return reply;
    },
    resolve: async (conflictId, keep) => {
      const reply = await outpost().contacts.resolveConflict({ conflictId, keep });
      if (reply.ok) await Promise.all([refresh(), loadGroups()]);
      return reply;
    },
    bulk: async (action) => {
      const ids = [...get().selected];
      const reply = await outpost().contacts.bulk({ ids, action });
      if (!reply.ok) {
        set({ notice: { key: 'contacts:bulk.refused', params: { reason: reply.message } } });
        return false;
      }
      set({
        notice: { key: `contacts:bulk.done.${action.kind}`, params: { count: reply.changed } },
      });
      await Promise.all([refresh(), loadGroups()]);
      return true;
    },
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
      await Promise.all([refresh(), loadGroups()]);
    },
  };
});

/** The row at an index of the current result, when its page is held. */
export function rowAt(pages: Record<number, Contact[]>, index: number): Contact | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}
