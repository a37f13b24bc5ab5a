import { create } from 'zustand';
import type { ReplyOf, RequestOf } from '../../../../shared/ipc/contract';
import type { EventPayload } from '../../../../shared/ipc/events';
import type { AccountSummary } from '../../../../shared/ipc/schemas/accounts';
import { firstAnswerOr } from '../../app/first-answers';
import { coalesce } from '../../lib/latest';
import { outpost } from '../../lib/outpost';

/** The provider accounts, shared by every view that sends or syncs. */
interface AccountsState {
  accounts: AccountSummary[];
  loaded: boolean;
  error: string | null;
  load: () => Promise<void>;
  applyPaused: (event: EventPayload<'account.paused'>) => void;
  applyResumed: (event: EventPayload<'account.resumed'>) => void;
  pause: (accountId: number) => Promise<void>;
  /** "Retry now" / "Resume": true when sending resumed. */
  resume: (accountId: number) => Promise<boolean>;
  add: (request: RequestOf<'accounts.add'>) => Promise<ReplyOf<'accounts.add'>>;
  remove: (accountId: number) => Promise<ReplyOf<'accounts.remove'>>;
  test: (accountId: number) => Promise<ReplyOf<'accounts.test'>>;
}

export const useAccounts = create<AccountsState>((set, get) => {
  const load = coalesce(async () => {
    try {
      const accounts = await firstAnswerOr('accounts.list', () => outpost().accounts.list());
      set({ accounts, loaded: true, error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  });
  return {
    accounts: [],
    loaded: false,
    error: null,
    load,
    applyPaused: ({ accountId, code, reason }) =>
      set({
        accounts: get().accounts.map((a) =>
          a.id === accountId
            ? { ...a, paused: { code: String(code), reason, since: a.paused?.since ?? Date.now() } }
            : a,
        ),
      }),
    applyResumed: ({ accountId }) =>
      set({
        accounts: get().accounts.map((a) => (a.id === accountId ? { ...a, paused: null } : a)),
      }),
    pause: async (accountId) => {
      await outpost().accounts.pause({ accountId });
      await load();
    },
    resume: async (accountId) => {
      const reply = await outpost().accounts.resume({ accountId });
      await load();
      return reply.resumed;
    },
    add: async (request) => {
      const reply = await outpost().accounts.add(request);
      if (reply.ok) await load();
      return reply;
    },
    remove: async (accountId) => {
      const reply = await outpost().accounts.remove({ accountId });
      await load();
      return reply;
    },
    test: (accountId) => outpost().accounts.test({ accountId }),
  };
});

export const selectPausedAccounts = (s: AccountsState) => s.accounts.filter((a) => a.paused);
export const selectRunningAccounts = (s: AccountsState) => s.accounts.filter((a) => !a.paused);
