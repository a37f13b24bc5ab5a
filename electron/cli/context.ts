import type { AdapterPool } from '../core/accounts/adapters';
import type { Db } from '../core/db/connection';
import type { GlobalOptions } from './io';
import { openCliDatabase, openCliVault } from './profile';

// The database and the adapters are loaded when a command first asks for them
// (`import()`), never at start-up: `--help` or `segments` must not pay for
// SQLite, and `outbox status` must not pay for the HTTP client and providers.

/** What a command that only reads or writes the profile needs. */
export interface CliDatabase {
  db: Db;
}

/** What a command that also talks to providers needs: the database and the account adapters. */
export interface CliContext extends CliDatabase {
  pool: AdapterPool;
}

async function openDatabase(globals: GlobalOptions): Promise<Db> {
  return openCliDatabase(globals.dataDir);
}

/** Runs `work` with the profile's database open (no provider code loaded), and always closes it. */
export async function withDatabase<T>(
  globals: GlobalOptions,
  work: (ctx: CliDatabase) => Promise<T> | T,
): Promise<T> {
  const db = await openDatabase(globals);
  try {
    return await work({ db });
  } finally {
    db.close();
  }
}

/** Runs `work` with the database and the account adapters, and always closes both. */
export async function withContext<T>(
  globals: GlobalOptions,
  work: (ctx: CliContext) => Promise<T> | T,
): Promise<T> {
  const { AdapterPool } = await import('../core/accounts/adapters');
  const vault = await openCliVault(globals.dataDir);
  const db = await openDatabase(globals);
  const pool = new AdapterPool(db, vault);
  try {
    return await work({ db, pool });
  } finally {
    await pool.closeAll();
    db.close();
  }
}

/** Prints a result as JSON (--json) or as the human text. */
export function output(globals: GlobalOptions, value: unknown, human: string): void {
  process.stdout.write(globals.json ? `${JSON.stringify(value)}\n` : `${human}\n`);
}
