import { create } from 'zustand';
import type { AccountSummary } from '../../../shared/ipc/schemas/accounts';
import { outpost } from '../lib/outpost';

interface AccountsState {
  accounts: AccountSummary[];
  error: string | null;
  load: () => Promise<void>;
  /** "Retry now" on a paused account; returns the sentence to show. */
  retryNow: (accountId: number) => Promise<string>;
  pause: (accountId: number) => Promise<void>;
}

export const useAccounts = create<AccountsState>((set, get) => ({
  accounts: [],
  error: null,
  load: async () => {
    try {
      set({ accounts: await outpost().accounts.list(), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  pause: async (accountId) => {
    await outpost().accounts.pause({ accountId });
    await get().load();
  },
  retryNow: async (accountId) => {
    const result = await outpost().accounts.resume({ accountId });
    await get().load();
    return result.resumed
      ? 'Sending resumed.'
      : 'Checked again just now: the provider still refuses.';
  },
}));
