import type { ProviderKind } from '../../../shared/domain/capabilities';
import { listAccounts } from '../accounts/repository';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import type { AdapterFor } from '../outbox/reconcile';
import { isProviderError } from '../providers/errors';
import type { CallOptions, ProviderAdapter } from '../providers/types';
import { phoneKey } from '../sync/phone-key';

/**
 * Suppressions that must reach the provider's SMS blacklist (360nrs PUT / DELETE
 * /api/rest/v2/blacklist/sms, seed 003 lines 5264, 5401). The change is written
 * to `blacklist_pushes` in the same transaction as the suppression, and pushed
 * when the provider can be reached, so an opt-out noted offline still gets there.
 * Both calls are idempotent (adding twice, or removing what is gone, ends the
 * same), so two processes pushing one change at once do no harm: no lease.
 */
export const PROVIDERS_WITH_BLACKLIST: readonly ProviderKind[] = ['nrs'];

export type BlacklistOp = 'add' | 'remove';

/** Queues a push (inside the caller's transaction or its own); a later op supersedes an earlier one. */
export function queueBlacklistPush(
  db: Db,
  accountId: number,
  provider: ProviderKind,
  phone: string,
  op: BlacklistOp,
  now = Date.now(),
): boolean {
  if (!PROVIDERS_WITH_BLACKLIST.includes(provider)) return false;
  const key = phoneKey(phone);
  writeTransaction(db, () => {
    db.prepare(
      `UPDATE blacklist_pushes SET state = 'done', error_text = 'Superseded by a later change.', updated_at = ?
       WHERE account_id = ? AND phone = ? AND state = 'pending'`,
    ).run(now, accountId, key);
    db.prepare(
      `INSERT INTO blacklist_pushes (account_id, phone, op, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
    ).run(accountId, key, op, now, now);
  });
  return true;
}

export interface BlacklistPushReport {
  pushed: number;
  failed: number;
  remaining: number;
  /** Why the pass stopped early (offline, credentials, IP…), or null. */
  stopped: string | null;
}

interface PushRow {
  id: number;
  phone: string;
  op: BlacklistOp;
}

/** Pushes one account's pending blacklist changes, oldest first; stops at the first non-permanent failure. */
export async function pushBlacklistChanges(
  db: Db,
  accountId: number,
  adapter: ProviderAdapter,
  options: CallOptions & { now?: () => number } = {},
): Promise<BlacklistPushReport> {
  const now = options.now ?? Date.now;
  const call = options.signal ? { signal: options.signal } : {};
  const report: BlacklistPushReport = { pushed: 0, failed: 0, remaining: 0, stopped: null };
  const due = db
    .prepare(
      `SELECT id, phone, op FROM blacklist_pushes WHERE account_id = ? AND state = 'pending' ORDER BY id`,
    )
    .all(accountId) as PushRow[];
  const settle = db.prepare(
    `UPDATE blacklist_pushes SET state = ?, error_text = ?, attempts = attempts + 1, updated_at = ?
     WHERE id = ? AND state = 'pending'`,
  );
  for (const row of due) {
    if (!adapter.capabilities.blacklist) {
      settle.run('done', 'This provider has no blacklist.', now(), row.id);
      continue;
    }
    try {
      if (row.op === 'add') await adapter.addToBlacklist('sms', row.phone, call);
      else await removeIfPresent(adapter, row.phone, call);
      settle.run('done', null, now(), row.id);
      report.pushed++;
    } catch (error) {
      if (!isProviderError(error)) throw error;
      if (error.kind === 'permanent') {
        settle.run('failed', error.message, now(), row.id);
        report.failed++;
        continue;
      }
      db.prepare(
        'UPDATE blacklist_pushes SET attempts = attempts + 1, error_text = ?, updated_at = ? WHERE id = ?',
      ).run(error.message, now(), row.id);
      report.stopped = error.message;
      break;
    }
  }
  report.remaining = Number(
    db
      .prepare(`SELECT count(*) FROM blacklist_pushes WHERE account_id = ? AND state = 'pending'`)
      .pluck()
      .get(accountId),
  );
  return report;
}

/** Removing what the blacklist no longer holds (404) is what was wanted. */
async function removeIfPresent(
  adapter: ProviderAdapter,
  phone: string,
  call: CallOptions,
): Promise<void> {
  try {
    await adapter.removeFromBlacklist('sms', phone, call);
  } catch (error) {
    if (isProviderError(error) && error.httpStatus === 404) return;
    throw error;
  }
}

/** Every account with something to push (the app's sync loop, the CLI after a change). */
export async function pushAllBlacklistChanges(
  db: Db,
  adapterFor: AdapterFor,
  options: CallOptions & { accountIds?: readonly number[] } = {},
): Promise<Map<number, BlacklistPushReport>> {
  const waiting = new Set(
    db
      .prepare(`SELECT DISTINCT account_id FROM blacklist_pushes WHERE state = 'pending'`)
      .pluck()
      .all() as number[],
  );
  const out = new Map<number, BlacklistPushReport>();
  for (const account of listAccounts(db)) {
    if (!waiting.has(account.id)) continue;
    if (options.accountIds && !options.accountIds.includes(account.id)) continue;
    if (options.signal?.aborted) break;
    try {
      out.set(
        account.id,
        await pushBlacklistChanges(db, account.id, adapterFor(account.id), options),
      );
    } catch (error) {
      // No secret in this process, or a local fault: the change stays pending.
      const message = error instanceof Error ? error.message : String(error);
      const remaining = Number(
        db
          .prepare(
            `SELECT count(*) FROM blacklist_pushes WHERE account_id = ? AND state = 'pending'`,
          )
          .pluck()
          .get(account.id),
      );
      out.set(account.id, { pushed: 0, failed: 0, remaining, stopped: message });
    }
  }
  return out;
}

/** The blacklist state of a suppressed number: its newest push, if any. */
export function blacklistStateOf(
  db: Db,
  accountId: number,
  phone: string,
): { state: 'pending' | 'done' | 'failed'; error: string | null } | null {
  const row = db
    .prepare(
      `SELECT state, error_text FROM blacklist_pushes WHERE account_id = ? AND phone = ?
       ORDER BY id DESC LIMIT 1`,
    )
    .get(accountId, phoneKey(phone)) as
    | { state: 'pending' | 'done' | 'failed'; error_text: string | null }
    | undefined;
  return row ? { state: row.state, error: row.error_text } : null;
}
