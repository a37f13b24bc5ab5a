import { AdapterPool } from '../core/accounts/adapters';
import type { Db } from '../core/db/connection';
import { openAppDatabase } from '../core/db/database';
import { EnvVault } from '../core/vault/env-vault';
import type { GlobalOptions } from './io';

/** What a command that touches the profile needs: its database and the account adapters. */
export interface CliContext {
  db: Db;
  pool: AdapterPool;
  close: () => Promise<void>;
}

export function openCliContext(globals: GlobalOptions): CliContext {
  const db = openAppDatabase(globals.dataDir);
  const pool = new AdapterPool(db, new EnvVault());
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
  const ctx = openCliContext(globals);
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
