import { create } from 'zustand';
import type { EventPayload } from '../../../../shared/ipc/events';
import type { OutboxMessage } from '../../../../shared/ipc/schemas/outbox';
import { coalesce } from '../../lib/latest';
import { outpost } from '../../lib/outpost';
import type { Problem } from '../../lib/problem';

export const FILTERS = [
  'all',
  'attention',
  'queued',
  'accepted',
  'delivered',
  'failed',
  'unknown',
] as const;
export type Filter = (typeof FILTERS)[number];

const STATES_FOR: Record<Filter, OutboxMessage['state'][] | undefined> = {
  all: undefined,
  attention: ['failed', 'unknown'],
  queued: ['queued', 'sending'],
  accepted: ['accepted'],
  delivered: ['delivered'],
  failed: ['failed'],
  unknown: ['unknown'],
};

interface OutboxState {
  filter: Filter;
  messages: OutboxMessage[];
  counts: Record<string, number> | null;
  /** True once the view asked for a snapshot: pushed hints refresh only what is being shown. */
  watching: boolean;
  setFilter: (filter: Filter) => void;
  /** The snapshot a view starts from. */
  load: () => Promise<void>;
  /** A pushed change: counts come with it; the rows are fetched again (once per burst). */
  applyChanged: (event: EventPayload<'outbox.changed'>) => void;
  /** Delivery reports: the rows are fetched again if shown. */
  refreshIfWatched: () => void;
  stopWatching: () => void;
  retry: (id: number) => Promise<Problem>;
  cancel: (id: number) => Promise<Problem>;
}

export const useOutbox = create<OutboxState>((set, get) => {
  const fetchRows = coalesce(async () => {
    const states = STATES_FOR[get().filter];
    const [messages, status] = await Promise.all([
      outpost().outbox.list({ limit: 200, ...(states ? { states } : {}) }),
      outpost().outbox.status(),
    ]);
    set({ messages, counts: status.counts });
  });
  const control = async (id: number, call: 'retry' | 'cancel'): Promise<Problem> => {
    const reply = await outpost().outbox[call]({ id });
    await fetchRows();
    if (!reply.ok) return { sentence: reply.message };
    return {
      key: call === 'retry' ? 'outbox:notice.retried' : 'outbox:notice.dropped',
      params: { id },
    };
  };
  return {
    filter: 'all',
    messages: [],
    counts: null,
    watching: false,
    setFilter: (filter) => {
      set({ filter });
      void fetchRows();
    },
    load: async () => {
      set({ watching: true });
      await fetchRows();
    },
    applyChanged: ({ counts }) => {
      set({ counts });
      if (get().watching) void fetchRows();
    },
    refreshIfWatched: () => {
      if (get().watching) void fetchRows();
    },
    stopWatching: () => set({ watching: false }),
    retry: (id) => control(id, 'retry'),
    cancel: (id) => control(id, 'cancel'),
  };
});

/** Messages needing a person: failed for good, or sent with an outcome nobody knows. */
export const selectAttentionCount = (s: OutboxState) =>
  (s.counts?.failed ?? 0) + (s.counts?.unknown ?? 0);
