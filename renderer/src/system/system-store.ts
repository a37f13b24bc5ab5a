import { create } from 'zustand';
import type { ReplyOf } from '../../../shared/ipc/contract';
import { outpost } from '../lib/outpost';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; message: string };

interface SystemState {
  info: Load<ReplyOf<'app.info'>>;
  health: Load<ReplyOf<'db.health'>>;
  refresh: () => Promise<void>;
}

async function load<T>(call: () => Promise<T>): Promise<Load<T>> {
  try {
    return { state: 'ready', value: await call() };
  } catch (error) {
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

export const useSystemStore = create<SystemState>((set) => ({
  info: { state: 'loading' },
  health: { state: 'loading' },
  refresh: async () => {
    set({ info: { state: 'loading' }, health: { state: 'loading' } });
    const api = outpost();
    const [info, health] = await Promise.all([
      load(() => api.app.info()),
      load(() => api.db.health()),
    ]);
    set({ info, health });
  },
}));
