import { create } from 'zustand';
import type { ReplyOf } from '../../../../shared/ipc/contract';
import type { AccountSummary } from '../../../../shared/ipc/schemas/accounts';
import { outpost } from '../../lib/outpost';
import { type Problem, problemFrom } from '../../lib/problem';

export type Book = { id: string; name: string };
export type Balance = Extract<ReplyOf<'accounts.balance'>, { ok: true }>;

/** What one account's provider keeps beyond its credentials; `problem` when the last call failed. */
export interface AccountExtras {
  books?: readonly Book[];
  fields?: Readonly<Record<string, string>>;
  balance?: Balance;
  problem?: Problem;
}

type Saved = { ok: true } | { ok: false; problem: Problem };

interface ExtrasState {
  byAccount: Readonly<Record<number, AccountExtras>>;
  /** Asks each account's provider-specific settings once the Accounts tab shows them. */
  load: (accounts: readonly AccountSummary[]) => Promise<void>;
  setBooks: (accountId: number, books: readonly Book[]) => Promise<Saved>;
  setFields: (accountId: number, fields: Record<string, string>) => Promise<Saved>;
}

async function extrasOf(account: AccountSummary): Promise<AccountExtras> {
  const api = outpost();
  try {
    if (account.provider === 'addressbook') {
      const reply = await api.accounts.getBooks({ accountId: account.id });
      return reply.ok ? { books: reply.books } : { problem: { sentence: reply.message } };
    }
    if (account.provider === 'action') {
      const reply = await api.accounts.getFields({ accountId: account.id });
      return reply.ok ? { fields: reply.fields } : { problem: { sentence: reply.message } };
    }
    if (account.provider === 'nrs') {
      const reply = await api.accounts.balance({ accountId: account.id });
      return reply.ok ? { balance: reply } : { problem: { sentence: reply.message } };
    }
    return {};
  } catch (error) {
    return { problem: problemFrom(error) };
  }
}

export const useAccountExtras = create<ExtrasState>((set, get) => ({
  byAccount: {},
  load: async (accounts) => {
    const entries = await Promise.all(
      accounts.map(async (a) => [a.id, await extrasOf(a)] as const),
    );
    // Only the accounts that still exist are kept, so removed ones do not pile up.
    set({ byAccount: Object.fromEntries(entries) });
  },
  setBooks: async (accountId, books) => {
    try {
      const reply = await outpost().accounts.setBooks({ accountId, books: [...books] });
      if (!reply.ok) return { ok: false, problem: { sentence: reply.message } };
      set({ byAccount: { ...get().byAccount, [accountId]: { books: reply.books } } });
      return { ok: true };
    } catch (error) {
      return { ok: false, problem: problemFrom(error) };
    }
  },
  setFields: async (accountId, fields) => {
    try {
      const reply = await outpost().accounts.setFields({ accountId, fields });
      if (!reply.ok) return { ok: false, problem: { sentence: reply.message } };
      set({ byAccount: { ...get().byAccount, [accountId]: { fields: reply.fields } } });
      return { ok: true };
    } catch (error) {
      return { ok: false, problem: problemFrom(error) };
    }
  },
}));
