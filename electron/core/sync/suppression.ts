import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { phoneKey } from './phone-key';

export type SuppressionReason = 'opt-out-keyword' | 'provider-blacklist' | 'manual';

export interface Suppression {
  accountId: number;
  phone: string;
  reason: SuppressionReason;
  detail: string;
  createdAt: number;
}

/**
 * Adds a number to the account's suppression list. The first reason is kept:
 * an opt-out the person wrote is the more useful thing to show than a later
 * blacklist sync of the same number. Returns true if the number was new.
 */
export function suppress(
  db: Db,
  accountId: number,
  phone: string,
  reason: SuppressionReason,
  detail = '',
  now = Date.now(),
): boolean {
  const key = phoneKey(phone);
  if (key === '') return false;
  const info = db
    .prepare(
      `INSERT INTO suppressions (account_id, phone, reason, detail, created_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, phone) DO NOTHING`,
    )
    .run(accountId, key, reason, detail, now);
  if (info.changes > 0) eventsOf(db).suppressionsChanged();
  return info.changes > 0;
}

/** Lifts a suppression (a person asked to be messaged again). */
export function unsuppress(db: Db, accountId: number, phone: string): boolean {
  eventsOf(db).suppressionsChanged();
  return writeTransaction(
    db,
    () =>
      db
        .prepare('DELETE FROM suppressions WHERE account_id = ? AND phone = ?')
        .run(accountId, phoneKey(phone)).changes > 0,
  );
}

export function isSuppressed(db: Db, accountId: number, phone: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM suppressions WHERE account_id = ? AND phone = ?')
      .pluck()
      .get(accountId, phoneKey(phone)) !== undefined
  );
}

/**
 * For bulk sends: one query, then a set lookup per row. `has` takes any
 * spelling of a number.
 */
export function loadSuppressions(
  db: Db,
  accountId: number,
): { has(phone: string): boolean; size: number } {
  const keys = new Set(
    db
      .prepare('SELECT phone FROM suppressions WHERE account_id = ?')
      .pluck()
      .all(accountId) as string[],
  );
  return { has: (phone) => keys.has(phoneKey(phone)), size: keys.size };
}

export function listSuppressions(db: Db, accountId: number): Suppression[] {
  const rows = db
    .prepare(
      `SELECT account_id, phone, reason, detail, created_at FROM suppressions
       WHERE account_id = ? ORDER BY created_at DESC, phone`,
    )
    .all(accountId) as {
    account_id: number;
    phone: string;
    reason: SuppressionReason;
    detail: string;
    created_at: number;
  }[];
  return rows.map((r) => ({
    accountId: r.account_id,
    phone: r.phone,
    reason: r.reason,
    detail: r.detail,
    createdAt: r.created_at,
  }));
}
