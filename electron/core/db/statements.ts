import type { Statement as SqliteStatement } from 'better-sqlite3';
import type { Db } from './connection';

type Statement = SqliteStatement<unknown[], unknown>;

const byConnection = new WeakMap<Db, Map<string, Statement>>();

/**
 * The connection's prepared statement for `sql`, compiled on first use.
 * Compiling costs ten times more than running a small query, and the
 * long-running loops (outbox, delivery polling) run the same few queries every
 * second for as long as the app is open. Only for SQL written as a constant
 * (values go in parameters): the cache then holds at most one entry per
 * query in the code, and goes with its connection.
 */
export function prepareOnce(db: Db, sql: string): Statement {
  let statements = byConnection.get(db);
  if (!statements) {
    statements = new Map();
    byConnection.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  } else if (statement.reader) {
    // A caller may have switched it to pluck/raw: every caller starts from rows as objects.
    statement.pluck(false).raw(false).expand(false);
  }
  return statement;
}
