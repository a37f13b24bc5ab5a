import { listAccounts } from '../accounts/repository';
import type { Db } from '../db/connection';
import { MANUAL_PAUSE, pausedAccounts, pauseManually, resumeAccount } from './pause';

/** The tray's "Pause all sending": every account not already paused is paused by the person. */
export function pauseAllSending(db: Db, now = Date.now()): number {
  const paused = new Set(pausedAccounts(db).map((p) => p.accountId));
  let count = 0;
  for (const account of listAccounts(db)) {
    if (paused.has(account.id)) continue;
    pauseManually(db, account.id, now);
    count++;
  }
  return count;
}

/**
 * The tray's "Resume": lifts only the pauses a person chose. A provider's pause
 * (no credit, a blocked IP) stays until its probe finds the cause gone.
 */
export function resumeAllSending(db: Db): number {
  let count = 0;
  for (const pause of pausedAccounts(db)) {
    if (pause.code === MANUAL_PAUSE && resumeAccount(db, pause.accountId)) count++;
  }
  return count;
}

/** Whether every account is paused by a person (the tray then offers "Resume"). */
export function allPausedByPerson(db: Db): boolean {
  const accounts = listAccounts(db);
  const manual = pausedAccounts(db).filter((p) => p.code === MANUAL_PAUSE);
  return accounts.length > 0 && manual.length === accounts.length;
}
