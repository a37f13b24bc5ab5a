import { OUTBOX_CODES } from './states';

/**
 * The outbox's row rules as SQL, written once for every query that needs
 * them (claim, dispatch mark, next wake, reconciliation), so they cannot
 * drift apart. `row` is how the query names its messages table.
 */

/** Nothing holds the row back: its account is not paused and its bulk job, if any, is active. */
export function notHeld(row: string): string {
  return `NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = ${row}.account_id AND a.paused_code IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM bulk_jobs j WHERE j.id = ${row}.job_id AND j.state <> 'active')`;
}

/**
 * Can this row be sent (at `@now`, when the query binds it)? Queued, not held
 * back, of the account asked for (`@account`, null for all) and not of an
 * account left alone for now (`@skip`, a JSON array of ids).
 */
export function sendable(row: string, options: { due: boolean }): string {
  return `${row}.state = 'queued' ${options.due ? `AND ${row}.not_before <= @now` : ''}
    AND ${notHeld(row)}
    AND (@account IS NULL OR ${row}.account_id = @account)
    AND ${row}.account_id NOT IN (SELECT value FROM json_each(@skip))`;
}

/** An outcome-unknown row that the provider can still be asked about (not parked for a person). */
export const RECONCILABLE = `state = 'unknown' AND request_name IS NOT NULL
  AND coalesce(error_code, '') <> '${OUTBOX_CODES.unreconcilable}'`;
