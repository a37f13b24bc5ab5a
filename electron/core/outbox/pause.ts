import type { ProviderFailure } from '../../../shared/domain/provider-error';
import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { eventsOf } from '../events/sink';

/** The code of a pause a person chose; only a person lifts it. */
export const MANUAL_PAUSE = 'manual';

export function pauseManually(db: Db, accountId: number, now = Date.now()): void {
  pauseAccount(
    db,
    accountId,
    MANUAL_PAUSE,
    'Sending is paused by you. Resume the account to send its queue.',
    now,
  );
}

/** What a person must do, per account-blocking code (360nrs table, seed line 9435). */
export function pauseReason(failure: ProviderFailure, egressIp: string | null): string {
  switch (String(failure.code)) {
    case '112':
      return egressIp
        ? `The provider does not accept requests from this computer's address. Allow ${egressIp} in your provider's API settings, or connect from an allowed network.`
        : "The provider does not accept requests from this computer's address. Allow this network's public IP address in your provider's API settings, or connect from an allowed network.";
    case '103':
      return 'The provider rejected the user name or API password. Check the account’s credentials (the API password is not the web login password).';
    case '111':
      return 'The account has run out of credit. Top it up with the provider; sending resumes when credit is available.';
    case '115':
      return 'The sender is not verified with the provider. Verify it in the provider’s settings, then resume.';
    default:
      return failure.message;
  }
}

/** Stops all sending on the account; the first reason stays until the pause is lifted. */
export function pauseAccount(
  db: Db,
  accountId: number,
  code: string,
  reason: string,
  now: number,
): void {
  const { changes } = prepareOnce(
    db,
    `UPDATE accounts SET paused_code = ?, paused_reason = ?, paused_at = ?
     WHERE id = ? AND paused_code IS NULL`,
  ).run(code, reason, now, accountId);
  if (changes > 0) eventsOf(db).emit('account.paused', pauseEvent(accountId, code, reason));
}

function pauseEvent(accountId: number, code: string, reason: string) {
  // Provider codes travel as numbers (112), ours as words ('manual'), as `outbox status` shows them.
  const shown = /^\d+$/.test(code) ? Number(code) : code;
  return { accountId, code: shown, reason, byPerson: code === MANUAL_PAUSE };
}

/** Lifts the account's pause; false when it was not paused. */
export function resumeAccount(db: Db, accountId: number): boolean {
  const resumed =
    prepareOnce(
      db,
      `UPDATE accounts SET paused_code = NULL, paused_reason = NULL, paused_at = NULL
       WHERE id = ? AND paused_code IS NOT NULL`,
    ).run(accountId).changes > 0;
  if (resumed) eventsOf(db).emit('account.resumed', { accountId });
  return resumed;
}

export interface PausedAccount {
  accountId: number;
  account: string;
  code: string;
  reason: string;
  since: number;
}

export function pausedAccounts(db: Db): PausedAccount[] {
  return prepareOnce(
    db,
    `SELECT id AS accountId, name AS account, paused_code AS code, paused_reason AS reason, paused_at AS since
       FROM accounts WHERE paused_code IS NOT NULL ORDER BY name`,
  ).all() as PausedAccount[];
}
