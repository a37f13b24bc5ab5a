import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';

/**
 * The queued rows of one enqueue, written as multi-row INSERTs: each
 * better-sqlite3 call (bind, step, reset, the crossing into C++) then carries
 * many rows (issue 15). The SQL has a fixed row count, so it is compiled once
 * per connection; the rows that do not fill a last statement go in one at a
 * time. The values are passed as arguments (spread), not as one array:
 * better-sqlite3 reads an array element by element, which cost more than the
 * fewer calls saved (a 50-row bare insert bound from an array was 1.05× the
 * row-per-statement one, spread 0.87×).
 */

/** Rows per statement: 50 × 19 parameters, far below SQLite's 32,766. */
export const ROWS_PER_INSERT = 50;

/** The values of one row, in this order, from `at` in `QueuedRows.params`. */
export const QUEUED_ROW_COLUMNS = [
  'id',
  'account_id',
  'job_id',
  'recipient',
  'sender',
  'template_id',
  'field_values',
  'body',
  'encoding',
  'segments',
  'max_parts',
  'not_before',
  'scheduled_for',
  'schedule_mode',
  'expires_at',
  'campaign_name',
  'give_up_at',
  'created_at',
  'updated_at',
] as const;

export const PARAMS_PER_ROW = QUEUED_ROW_COLUMNS.length;

/**
 * OR FAIL, with 015's deferred foreign keys: no rule can make a statement undo
 * its own rows, so SQLite keeps no statement journal (with shuffled recipients
 * it spilled to a temp file: 1.9× the bare insert, 1.3× without). A refused
 * row still fails the call, and writeTransaction rolls back the whole send.
 */
function insertSql(rows: number): string {
  const row = `(${QUEUED_ROW_COLUMNS.map(() => '?').join(', ')}, 'queued')`;
  return `INSERT OR FAIL INTO messages (${QUEUED_ROW_COLUMNS.join(', ')}, state) VALUES ${Array(
    rows,
  )
    .fill(row)
    .join(', ')}`;
}

const MANY_SQL = insertSql(ROWS_PER_INSERT);
const ONE_SQL = insertSql(1);

export interface QueuedRows {
  /** The parameters of the statement being filled; a row's values go from `slot()`. */
  readonly params: unknown[];
  /** Where the next row's values start in `params` (writing out a full statement first). */
  slot(): number;
  /** Writes the rows not yet written; call once, after the last row. */
  finish(): void;
}

/**
 * A writer for the queued rows of one transaction. The caller gives each row
 * its id (see `nextMessageId`), so no id has to be read back per row.
 */
export function queuedRows(db: Db): QueuedRows {
  const params: unknown[] = new Array(ROWS_PER_INSERT * PARAMS_PER_ROW).fill(null);
  let filled = 0;
  // Compiled on the first full statement: a send of a few rows never needs it.
  const writeFull = () => prepareOnce(db, MANY_SQL).run(...params);
  return {
    params,
    slot() {
      if (filled === ROWS_PER_INSERT) {
        writeFull();
        filled = 0;
      }
      return filled++ * PARAMS_PER_ROW;
    },
    finish() {
      if (filled === ROWS_PER_INSERT) writeFull();
      else writeOneByOne(prepareOnce(db, ONE_SQL), params, filled);
      filled = 0;
    },
  };
}

function writeOneByOne(one: Statement, params: readonly unknown[], rows: number): void {
  for (let i = 0; i < rows; i++)
    one.run(...params.slice(i * PARAMS_PER_ROW, (i + 1) * PARAMS_PER_ROW));
}

/**
 * The id SQLite itself would give the next row (the largest + 1: `messages`
 * has no AUTOINCREMENT). Read inside the write transaction, so no other
 * writer can take it; the rows then get it and the ones after it in order.
 */
export function nextMessageId(db: Db): number {
  return Number(prepareOnce(db, 'SELECT coalesce(max(id), 0) + 1 FROM messages').pluck().get());
}
