import { AdapterPool } from '../core/accounts/adapters';
import type { Db } from '../core/db/connection';
import type { GlobalOptions } from './io';
import { openCliDatabase, openCliVault } from './profile';

/** What a command that touches the profile needs: its database and the account adapters. */
export interface CliContext {
  db: Db;
  pool: AdapterPool;
  close: () => Promise<void>;
}

export async function openCliContext(globals: GlobalOptions): Promise<CliContext> {
  const vault = await openCliVault(globals.dataDir);
  const db = await openCliDatabase(globals.dataDir);
  const pool = new AdapterPool(db, vault);
  return {
    db,
    pool,
    close: async () => {
      await pool.closeAll();
      db.close();
    },
  };
}

/** Runs `work` with the profile open, and always closes it. */
export async function withContext<T>(
  globals: GlobalOptions,
  work: (ctx: CliContext) => Promise<T> | T,
): Promise<T> {
  const ctx = await openCliContext(globals);
  try {
    return await work(ctx);
  } finally {
    await ctx.close();
  }
}

/** Prints a result as JSON (--json) or as the human text. */
export function output(globals: GlobalOptions, value: unknown, human: string): void {
  process.stdout.write(globals.json ? `${JSON.stringify(value)}\n` : `${human}\n`);
}
