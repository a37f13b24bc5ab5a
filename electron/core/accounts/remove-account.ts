import type { z } from 'zod';
import type { AccountRemoveReply } from '../../../shared/ipc/schemas/accounts';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { AccountNotFoundError, getAccount } from './repository';

type Reply = z.output<typeof AccountRemoveReply>;

/**
 * Removes an account a person added by mistake or no longer uses. Its contacts
 * and conversations go with it (they are the provider's, synced again on
 * re-adding it); an account with messages in the outbox is kept, because its
 * messages are the only record of what was sent: the person pauses it instead.
 */
export function removeAccount(db: Db, accountId: number): Reply {
  return writeTransaction(db, () => {
    let account: ReturnType<typeof getAccount>;
    try {
      account = getAccount(db, accountId);
    } catch (error) {
      if (!(error instanceof AccountNotFoundError)) throw error;
      // Removed meanwhile (another window, the CLI): say so rather than fail.
      return { ok: false, reason: 'not-found', messages: 0, message: error.message };
    }
    const messages = Number(
      db.prepare('SELECT count(*) FROM messages WHERE account_id = ?').pluck().get(accountId),
    );
    const jobs = Number(
      db.prepare('SELECT count(*) FROM bulk_jobs WHERE account_id = ?').pluck().get(accountId),
    );
    if (messages > 0 || jobs > 0) {
      return {
        ok: false,
        reason: 'has-messages',
        messages,
        message: `"${account.name}" has ${messages} message(s) in the outbox, the record of what was sent; pause it instead of removing it.`,
      };
    }
    db.prepare('DELETE FROM accounts WHERE id = ?').run(accountId);
    return { ok: true };
  });
}
