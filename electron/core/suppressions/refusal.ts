import type { Db } from '../db/connection';
import { phoneKey } from '../sync/phone-key';
import type { Suppression } from '../sync/suppression';

/**
 * THE suppression rule for every send: a number on the account's suppression
 * list is never queued. The CLI's `send`, the app's `outbox.send` and bulk
 * (through `suppressionLookup`) all decide with `suppressionRefusal`, so the
 * three say the same thing: why the number is suppressed and since when.
 */
export class SuppressedError extends Error {
  readonly field = 'to' as const;
  constructor(
    message: string,
    readonly suppression: Suppression,
  ) {
    super(message);
    this.name = 'SuppressedError';
  }
}

function since(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function why(s: Suppression): string {
  if (s.reason === 'opt-out-keyword') {
    return `they opted out${s.detail ? ` (${s.detail.replace(/^Replied/, 'replied')})` : ''}`;
  }
  if (s.reason === 'provider-blacklist') return "it is on the provider's blacklist";
  return `it was added by hand${s.detail ? `: ${s.detail}` : ''}`;
}

/** The sentence a refused send shows, e.g. "+34666555444 is suppressed since … : they opted out …". */
export function suppressionRefusal(s: Suppression, recipient: string): string {
  const number = `+${phoneKey(recipient)}`;
  return `${number} is on the suppression list since ${since(s.createdAt)}: ${why(s)}.`;
}

export function findSuppression(db: Db, accountId: number, phone: string): Suppression | null {
  const row = db
    .prepare(
      'SELECT account_id, phone, reason, detail, created_at FROM suppressions WHERE account_id = ? AND phone = ?',
    )
    .get(accountId, phoneKey(phone)) as
    | {
        account_id: number;
        phone: string;
        reason: Suppression['reason'];
        detail: string;
        created_at: number;
      }
    | undefined;
  return row
    ? {
        accountId: row.account_id,
        phone: row.phone,
        reason: row.reason,
        detail: row.detail,
        createdAt: row.created_at,
      }
    : null;
}

/** Throws SuppressedError when `recipient` must not be sent to from this account. */
export function refuseIfSuppressed(db: Db, accountId: number, recipient: string): void {
  const s = findSuppression(db, accountId, recipient);
  if (!s) return;
  const number = `+${phoneKey(recipient)}`;
  throw new SuppressedError(
    `${suppressionRefusal(s, recipient)} Nothing was queued; if they asked to hear from you again, lift it with \`outpost suppressions remove ${number}\`.`,
    s,
  );
}
