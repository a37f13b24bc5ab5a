import { accountBalance } from '../accounts/balance';
import { getAccountBooks, replaceAccountBooks } from '../accounts/books';
import { getCustomFieldMap, replaceCustomFieldMap } from '../accounts/custom-fields';
import { getAccount } from '../accounts/repository';
import type { CoreContext } from '../context';
import type { HandlersFor } from './handler-table';

type Channels =
  | 'accounts.getFields'
  | 'accounts.setFields'
  | 'accounts.getBooks'
  | 'accounts.setBooks'
  | 'accounts.balance';

/** A refusal (wrong provider, a bad id, offline) is an answer with its sentence, not a thrown error. */
async function answer<T extends object>(
  work: () => T | Promise<T>,
): Promise<({ ok: true } & T) | { ok: false; message: string }> {
  try {
    return { ok: true as const, ...(await work()) };
  } catch (error) {
    return { ok: false as const, message: error instanceof Error ? error.message : String(error) };
  }
}

function requireProvider(core: CoreContext, accountId: number, provider: string, what: string) {
  const account = getAccount(core.db, accountId);
  if (account.provider !== provider) {
    throw new Error(`"${account.name}" is a ${account.provider} account; ${what}.`);
  }
}

/** The Settings view's per-account provider facts: custom-field ids, address books, balance. */
export function accountSettingsHandlers(core: CoreContext): HandlersFor<Channels> {
  const onlyAction = 'only the action API keys custom fields by provider id';
  const onlyBooks = 'its books come from the provider when contacts sync';
  return {
    'accounts.getFields': ({ accountId }) =>
      answer(() => {
        requireProvider(core, accountId, 'action', onlyAction);
        return { fields: getCustomFieldMap(core.db, accountId) };
      }),
    'accounts.setFields': ({ accountId, fields }) =>
      answer(() => {
        requireProvider(core, accountId, 'action', onlyAction);
        return { fields: replaceCustomFieldMap(core.db, accountId, fields) };
      }),
    'accounts.getBooks': ({ accountId }) =>
      answer(() => {
        requireProvider(core, accountId, 'addressbook', onlyBooks);
        return { books: getAccountBooks(core.db, accountId) };
      }),
    'accounts.setBooks': ({ accountId, books }) =>
      answer(() => {
        requireProvider(core, accountId, 'addressbook', onlyBooks);
        return { books: replaceAccountBooks(core.db, accountId, books) };
      }),
    'accounts.balance': ({ accountId, country }) =>
      answer(async () => {
        const account = getAccount(core.db, accountId);
        const r = await accountBalance(core.adapters.get(accountId), account.name, country, {
          signal: AbortSignal.timeout(15_000),
        });
        return { balance: r.balance, currency: r.currency, price: r.price };
      }),
  };
}
