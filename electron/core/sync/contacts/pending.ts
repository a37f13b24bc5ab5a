import type { Db } from '../../db/connection';
import { type FlatFields, flatten, type NewContact } from './model';

export type PendingOp = 'create' | 'update' | 'delete';
export type PendingState = 'pending' | 'pushing' | 'done' | 'conflict' | 'failed';

/** States of a change not yet settled: the person's values still stand over the provider's. */
export const OPEN_STATES = `('pending', 'pushing', 'conflict', 'failed')`;

export interface PendingRow {
  id: number;
  account_id: number;
  contact_id: number | null;
  remote_id: string | null;
  op: PendingOp;
  patch: string;
  base: string;
  state: PendingState;
  attempts: number;
  error_text: string | null;
  created_at: number;
  updated_at: number;
}

export interface PendingChange {
  id: number;
  accountId: number;
  contactId: number | null;
  remoteId: string | null;
  op: PendingOp;
  fields: FlatFields;
  state: PendingState;
  attempts: number;
  errorText: string | null;
  createdAt: number;
}

/**
 * The one unpushed change of a contact that new edits fold into: waiting, in
 * conflict, or refused (a new edit is the person's fix, so it is tried again).
 */
export function openChangeOf(db: Db, contactId: number): PendingRow | undefined {
  return db
    .prepare(
      `SELECT * FROM pending_changes WHERE contact_id = ? AND state IN ${OPEN_STATES}
       AND op IN ('create', 'update') ORDER BY id DESC LIMIT 1`,
    )
    .get(contactId) as PendingRow | undefined;
}

/** Remote ids the person deleted offline: a pull must not bring them back. */
export function pendingDeletes(db: Db, accountId: number): Set<string> {
  return new Set(
    db
      .prepare(
        `SELECT remote_id FROM pending_changes
         WHERE account_id = ? AND op = 'delete' AND state IN ${OPEN_STATES} AND remote_id IS NOT NULL`,
      )
      .pluck()
      .all(accountId) as string[],
  );
}

/** Contact ids with an unpushed change: a pull must not overwrite those values. */
export function openChangesByContact(db: Db, accountId: number): Map<number, PendingRow> {
  const rows = db
    .prepare(
      `SELECT * FROM pending_changes WHERE account_id = ? AND state IN ${OPEN_STATES}
       AND contact_id IS NOT NULL ORDER BY id`,
    )
    .all(accountId) as PendingRow[];
  return new Map(rows.map((r) => [r.contact_id as number, r]));
}

export function listPendingChanges(
  db: Db,
  accountId: number,
  states: PendingState[] = ['pending', 'pushing', 'conflict', 'failed'],
): PendingChange[] {
  const rows = db
    .prepare(
      `SELECT * FROM pending_changes WHERE account_id = ? AND state IN (SELECT value FROM json_each(?))
       ORDER BY id`,
    )
    .all(accountId, JSON.stringify(states)) as PendingRow[];
  return rows.map(toChange);
}

export function toChange(r: PendingRow): PendingChange {
  return {
    id: r.id,
    accountId: r.account_id,
    contactId: r.contact_id,
    remoteId: r.remote_id,
    op: r.op,
    fields:
      r.op === 'create'
        ? flatten(JSON.parse(r.patch) as NewContact)
        : (JSON.parse(r.patch) as FlatFields),
    state: r.state,
    attempts: r.attempts,
    errorText: r.error_text,
    createdAt: r.created_at,
  };
}
