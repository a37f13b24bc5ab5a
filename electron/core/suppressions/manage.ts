import { normalizePhone } from '../../../shared/phone';
import { type Account, listAccounts } from '../accounts/repository';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { phoneKey } from '../sync/phone-key';
import { listSuppressions, type SuppressionReason, suppress } from '../sync/suppression';
import { blacklistStateOf, PROVIDERS_WITH_BLACKLIST, queueBlacklistPush } from './blacklist-push';

/**
 * Suppressions a person manages (`outpost suppressions`, the app's
 * `suppressions.*` channels). Without an account, a change applies to every
 * account: someone who asked not to be messaged means it for all of them.
 */
export class SuppressionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuppressionInputError';
  }
}

export interface SuppressionEntry {
  accountId: number;
  account: string;
  /** International digits, as kept and compared. */
  phone: string;
  reason: SuppressionReason;
  detail: string;
  since: number;
  /** Where the provider's blacklist stands: 'none' for a provider without one. */
  blacklist: 'pending' | 'done' | 'failed' | 'none';
  blacklistError: string | null;
}

function targets(db: Db, accountId: number | undefined): Account[] {
  const all = listAccounts(db);
  if (accountId === undefined) return all;
  const one = all.filter((a) => a.id === accountId);
  if (one.length === 0) throw new SuppressionInputError(`There is no account ${accountId}.`);
  return one;
}

/** A number to add must be a real one; `+`/`00` international, or national with a default country. */
function numberToAdd(input: string, defaultCountry?: string): string {
  const phone = normalizePhone(input, defaultCountry ? { defaultCountry } : {});
  if (!phone.ok) throw new SuppressionInputError(`"${input}" is not usable: ${phone.message}`);
  return phone.provider;
}

export function listManagedSuppressions(db: Db, accountId?: number): SuppressionEntry[] {
  return targets(db, accountId).flatMap((a) =>
    listSuppressions(db, a.id).map((s) => {
      const pushed = blacklistStateOf(db, a.id, s.phone);
      const hasList = PROVIDERS_WITH_BLACKLIST.includes(a.provider);
      return {
        accountId: a.id,
        account: a.name,
        phone: s.phone,
        reason: s.reason,
        detail: s.detail,
        since: s.createdAt,
        blacklist: hasList ? (pushed?.state ?? 'done') : 'none',
        blacklistError: pushed?.error ?? null,
      } satisfies SuppressionEntry;
    }),
  );
}

export interface SuppressionChange {
  phone: string;
  accounts: { accountId: number; account: string; changed: boolean; blacklistQueued: boolean }[];
}

/** Suppresses a number ('manual', with the person's reason) and queues it for the provider's blacklist. */
export function addManagedSuppression(
  db: Db,
  input: { phone: string; reason?: string; accountId?: number; defaultCountry?: string },
  now = Date.now(),
): SuppressionChange {
  const phone = numberToAdd(input.phone, input.defaultCountry);
  const reason = (input.reason ?? '').trim().slice(0, 200);
  return writeTransaction(db, () => {
    const accounts = targets(db, input.accountId).map((a) => {
      const changed = suppress(db, a.id, phone, 'manual', reason, now);
      // Queued even when already suppressed here: it may be missing from the provider's list.
      const blacklistQueued = queueBlacklistPush(db, a.id, a.provider, phone, 'add', now);
      return { accountId: a.id, account: a.name, changed, blacklistQueued };
    });
    return { phone, accounts };
  });
}

/** Lifts a suppression and queues the number's removal from the provider's blacklist. */
export function removeManagedSuppression(
  db: Db,
  input: { phone: string; accountId?: number; defaultCountry?: string },
  now = Date.now(),
): SuppressionChange {
  // Any spelling removes: a number from a provider's list may not be a valid one today.
  const parsed = normalizePhone(
    input.phone,
    input.defaultCountry ? { defaultCountry: input.defaultCountry } : {},
  );
  const phone = parsed.ok ? parsed.provider : phoneKey(input.phone);
  if (phone === '') throw new SuppressionInputError(`"${input.phone}" has no digits.`);
  return writeTransaction(db, () => {
    const accounts = targets(db, input.accountId).flatMap((a) => {
      const changed =
        db.prepare('DELETE FROM suppressions WHERE account_id = ? AND phone = ?').run(a.id, phone)
          .changes > 0;
      if (!changed) return [];
      const blacklistQueued = queueBlacklistPush(db, a.id, a.provider, phone, 'remove', now);
      return [{ accountId: a.id, account: a.name, changed, blacklistQueued }];
    });
    if (accounts.length === 0) {
      throw new SuppressionInputError(`+${phone} is not on any suppression list here.`);
    }
    return { phone, accounts };
  });
}
