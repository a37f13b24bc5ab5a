import { create } from 'zustand';
import type { ReplyOf } from '../../../shared/ipc/contract';
import type { OutboxMessage } from '../../../shared/ipc/schemas/outbox';
import { outpost } from '../lib/outpost';

export type Filter = 'all' | 'attention' | OutboxMessage['state'];

interface OutboxState {
  filter: Filter;
  messages: OutboxMessage[];
  status: ReplyOf<'outbox.status'> | null;
  notice: string | null;
  setFilter: (filter: Filter) => void;
  load: () => Promise<void>;
  retry: (id: number) => Promise<void>;
  cancel: (id: number) => Promise<void>;
}

const STATES_FOR: Record<Filter, OutboxMessage['state'][] | undefined> = {
  all: undefined,
  attention: ['failed', 'unknown'],
  queued: ['queued'],
  sending: ['sending'],
  accepted: ['accepted'],
  delivered: ['delivered'],
  failed: ['failed'],
  unknown: ['unknown'],
  cancelled: ['cancelled'],
};

export const useOutbox = create<OutboxState>((set, get) => ({
  filter: 'all',
  messages: [],
  status: null,
  notice: null,
  setFilter: (filter) => {
    set({ filter });
    void get().load();
  },
  load: async () => {
    const states = STATES_FOR[get().filter];
    const [messages, status] = await Promise.all([
      outpost().outbox.list({ limit: 200, ...(states ? { states } : {}) }),
      outpost().outbox.status(),
    ]);
    set({ messages, status });
  },
  retry: async (id) => {
    const reply = await outpost().outbox.retry({ id });
    set({ notice: reply.ok ? `Message ${id} is queued again.` : reply.message });
    await get().load();
  },
  cancel: async (id) => {
    const reply = await outpost().outbox.cancel({ id });
    set({ notice: reply.ok ? `Message ${id} was dropped.` : reply.message });
    await get().load();
  },
}));
