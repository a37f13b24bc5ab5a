import { create } from 'zustand';
import type { InboxItem, InboxMeta, InboxThread } from '../../../../shared/ipc/schemas/inbox';
import { coalesce } from '../../lib/latest';
import { outpost } from '../../lib/outpost';
import type { Problem } from '../../lib/problem';
import { problemFrom } from '../../lib/problem';

export type { InboxItem, InboxMeta, InboxThread };

const PAGE = 100;

export interface OpenThread {
  key: string;
  meta: InboxMeta;
  /** Newest first: the newest page and every older page loaded since. */
  items: InboxItem[];
  /** Where the next older page starts; null once the start of the thread is loaded. */
  next: string | null;
  loadingOlder: boolean;
}

export interface WhatsAppTemplateEntry {
  templateId: number;
  name: string;
  body: string;
}

interface ConversationsState {
  threads: InboxThread[];
  loaded: boolean;
  watching: boolean;
  search: string;
  selected: string | null;
  thread: OpenThread | null;
  /** Approved WhatsApp templates of the open thread's account. */
  templates: WhatsAppTemplateEntry[];
  sending: boolean;
  replyProblem: Problem | null;
  /** Raised after a reply went out, so the composer empties its text. */
  sentCount: number;
  checking: boolean;
  load: () => Promise<void>;
  refreshIfWatched: () => void;
  stopWatching: () => void;
  setSearch: (search: string) => void;
  select: (key: string) => Promise<void>;
  loadOlder: () => Promise<void>;
  replySms: (text: string, sender: string) => Promise<void>;
  replyWhatsApp: (text: string) => Promise<void>;
  sendTemplate: (templateId: number, fields: string[]) => Promise<void>;
  saveTemplates: (templates: WhatsAppTemplateEntry[]) => Promise<Problem | null>;
  retry: (item: InboxItem) => Promise<void>;
  drop: (item: InboxItem) => Promise<void>;
  resubscribe: () => Promise<void>;
  checkNow: () => Promise<void>;
}

/**
 * Puts a fresh newest page in front of what is loaded: the loaded older pages
 * stay (their place is kept by the item the fresh page ends on), so a pushed
 * change never throws away the history the person scrolled up to. When more
 * arrived than a page holds, the fresh page does not reach what is loaded:
 * null, and the thread starts again from the fresh page (no hole in it).
 */
export function mergeNewest(
  fresh: readonly InboxItem[],
  loaded: readonly InboxItem[],
): InboxItem[] | null {
  const last = fresh[fresh.length - 1];
  if (!last) return [...loaded];
  const ids = new Set(fresh.map((m) => m.id));
  if (loaded.length > 0 && !loaded.some((m) => ids.has(m.id))) return null;
  const at = loaded.findIndex((m) => m.id === last.id);
  const older =
    at >= 0 ? loaded.slice(at + 1) : loaded.filter((m) => m.at < last.at && !ids.has(m.id));
  return [...fresh, ...older];
}

/** A number opened from elsewhere (the outbox passes the recipient) names its thread. */
export function threadFor(threads: readonly InboxThread[], wanted: string | null): string | null {
  if (wanted === null) return threads[0]?.key ?? null;
  if (threads.some((t) => t.key === wanted)) return wanted;
  // A bare number comes from the outbox: its SMS thread first.
  const digits = wanted.replace(/\D/g, '');
  const matching = threads.filter((t) => t.number === digits);
  return (matching.find((t) => t.channel === 'sms') ?? matching[0] ?? threads[0])?.key ?? null;
}

export const useConversations = create<ConversationsState>((set, get) => {
  const fetchThreads = coalesce(async () => {
    const search = get().search.trim();
    const threads = await outpost().inbox.threads({ limit: 200, ...(search ? { search } : {}) });
    set({ threads, loaded: true });
    const open = threads.find((t) => t.key === get().selected);
    if (open && open.unread > 0) void outpost().inbox.markRead({ thread: open.key });
  });

  const fetchNewest = coalesce(async () => {
    const key = get().selected;
    if (key === null) return;
    const page = await outpost().inbox.messages({ thread: key, limit: PAGE });
    if (get().selected !== key) return;
    if (!page.ok) {
      set({ thread: null });
      return;
    }
    const current = get().thread;
    const merged = current?.key === key ? mergeNewest(page.items, current.items) : null;
    set({
      thread: {
        key,
        meta: page.meta,
        items: merged ?? page.items,
        next: merged && current && merged.length > page.items.length ? current.next : page.next,
        loadingOlder: merged && current ? current.loadingOlder : false,
      },
    });
  });

  const loadTemplates = async (accountId: number) => {
    const templates = await outpost().inbox.templates({ accountId });
    set({ templates });
  };

  const afterSend = async (reply: { ok: true } | { ok: false; message: string }) => {
    if (reply.ok) set((s) => ({ replyProblem: null, sentCount: s.sentCount + 1 }));
    else set({ replyProblem: { sentence: reply.message } });
    await Promise.all([fetchNewest(), fetchThreads()]);
  };

  const sending = async (work: () => Promise<{ ok: true } | { ok: false; message: string }>) => {
    if (get().sending) return;
    set({ sending: true, replyProblem: null });
    try {
      await afterSend(await work());
    } catch (error) {
      set({ replyProblem: problemFrom(error) });
    } finally {
      set({ sending: false });
    }
  };

  return {
    threads: [],
    loaded: false,
    watching: false,
    search: '',
    selected: null,
    thread: null,
    templates: [],
    sending: false,
    replyProblem: null,
    sentCount: 0,
    checking: false,
    load: async () => {
      set({ watching: true });
      await fetchThreads();
      if (get().selected) await fetchNewest();
    },
    refreshIfWatched: () => {
      if (!get().watching) return;
      void fetchThreads();
      void fetchNewest();
    },
    stopWatching: () => set({ watching: false }),
    setSearch: (search) => {
      set({ search });
      void fetchThreads();
    },
    select: async (key) => {
      if (get().selected === key && get().thread) return;
      set({ selected: key, thread: null, replyProblem: null });
      await fetchNewest();
      const thread = get().thread;
      if (thread?.key === key) {
        if (thread.meta.channel === 'whatsapp') await loadTemplates(thread.meta.accountId);
        if (get().threads.find((t) => t.key === key)?.unread) {
          await outpost().inbox.markRead({ thread: key });
        }
      }
    },
    loadOlder: async () => {
      const thread = get().thread;
      if (!thread || thread.next === null || thread.loadingOlder) return;
      set({ thread: { ...thread, loadingOlder: true } });
      try {
        const page = await outpost().inbox.messages({
          thread: thread.key,
          before: thread.next,
          limit: PAGE,
        });
        const now = get().thread;
        if (!now || now.key !== thread.key) return;
        set({
          thread: page.ok
            ? {
                ...now,
                items: [
                  ...now.items,
                  ...page.items.filter((m) => !now.items.some((o) => o.id === m.id)),
                ],
                next: page.next,
                loadingOlder: false,
              }
            : { ...now, loadingOlder: false },
        });
      } catch {
        const now = get().thread;
        if (now) set({ thread: { ...now, loadingOlder: false } });
      }
    },
    replySms: (text, sender) =>
      sending(async () => {
        const meta = get().thread?.meta;
        if (!meta) return { ok: false, message: 'This conversation is no longer here.' };
        const reply = await outpost().outbox.send({
          accountId: meta.accountId,
          to: `+${meta.number}`,
          from: sender,
          text,
        });
        return reply.ok ? { ok: true } : { ok: false, message: reply.message };
      }),
    replyWhatsApp: (text) =>
      sending(async () => {
        const key = get().selected;
        if (!key) return { ok: false, message: 'This conversation is no longer here.' };
        return outpost().inbox.reply({ thread: key, text });
      }),
    sendTemplate: (templateId, fields) =>
      sending(async () => {
        const key = get().selected;
        if (!key) return { ok: false, message: 'This conversation is no longer here.' };
        return outpost().inbox.sendTemplate({ thread: key, templateId, fields });
      }),
    saveTemplates: async (templates) => {
      const meta = get().thread?.meta;
      if (!meta) return null;
      const reply = await outpost().inbox.setTemplates({ accountId: meta.accountId, templates });
      if (!reply.ok) return { sentence: reply.message };
      set({ templates: reply.templates });
      return null;
    },
    retry: async (item) => {
      const reply =
        item.outboxId !== null
          ? await outpost().outbox.retry({ id: item.outboxId })
          : await outpost().inbox.retry({ id: item.whatsAppId ?? 0 });
      set({ replyProblem: reply.ok ? null : { sentence: reply.message } });
      await fetchNewest();
    },
    drop: async (item) => {
      const reply =
        item.outboxId !== null
          ? await outpost().outbox.cancel({ id: item.outboxId })
          : await outpost().inbox.drop({ id: item.whatsAppId ?? 0 });
      set({ replyProblem: reply.ok ? null : { sentence: reply.message } });
      await fetchNewest();
    },
    resubscribe: async () => {
      const meta = get().thread?.meta;
      if (!meta) return;
      const reply = await outpost().suppressions.remove({
        phone: `+${meta.number}`,
        accountId: meta.accountId,
      });
      set({ replyProblem: reply.ok ? null : { sentence: reply.message } });
      await Promise.all([fetchNewest(), fetchThreads()]);
    },
    checkNow: async () => {
      if (get().checking) return;
      set({ checking: true });
      try {
        await outpost().inbox.refresh({});
      } finally {
        set({ checking: false });
      }
      await Promise.all([fetchThreads(), fetchNewest()]);
    },
  };
});
