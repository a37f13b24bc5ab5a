import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { NrsAdapter } from '../../../electron/core/providers/nrs/adapter';
import type { SandboxHandle, SandboxOptions } from '../../../electron/sandbox';
import { tempDir } from '../../helpers/temp-dir';
import { closeAgents, startTestSandbox, type TestSandbox } from '../sandbox/helpers';

export interface TestDb {
  db: Db;
  close(): void;
}

/** A migrated database in a fresh folder, removed by close(). */
export function openTestDb(): TestDb {
  const dir = tempDir('outpost-sync-');
  const db = openAppDatabase(dir.path);
  return {
    db,
    close: () => {
      db.close();
      dir.remove();
    },
  };
}

export function addAccount(db: Db, name: string, baseUrl: string, provider = 'nrs'): number {
  return db
    .prepare(
      `INSERT INTO accounts (name, provider, base_url, username, secret_ref, created_at)
       VALUES (?, ?, ?, 'u', 'env:X', 0) RETURNING id`,
    )
    .pluck()
    .get(name, provider, baseUrl) as number;
}

export function nrsAdapterFor(sb: SandboxHandle, localAddress?: string): NrsAdapter {
  return new NrsAdapter({
    provider: 'nrs',
    baseUrl: sb.apis.nrs.baseUrl,
    username: sb.apis.nrs.username,
    secret: sb.apis.nrs.password,
    ...(localAddress ? { localAddress } : {}),
  });
}

/** Distinct valid Spanish mobile numbers. */
export function mobile(i: number): string {
  return `3466${String(i).padStart(7, '0')}`;
}

/** A sandbox, a migrated database with an account on it, and the real nrs adapter. */
export interface SyncWorld extends TestSandbox {
  db: Db;
  adapter: NrsAdapter;
  accountId: number;
}

/** One SyncWorld for the whole test file, torn down after its tests; filled in by beforeAll. */
export function syncWorldForThisFile(opts: SandboxOptions = {}): SyncWorld {
  const world = {} as SyncWorld;
  let tdb: TestDb | undefined;
  beforeAll(async () => {
    const t = await startTestSandbox(opts);
    tdb = openTestDb();
    const adapter = nrsAdapterFor(t.sb);
    const accountId = addAccount(tdb.db, 'Sandbox', t.sb.apis.nrs.baseUrl);
    Object.assign(world, t, { db: tdb.db, adapter, accountId });
  });
  afterAll(async () => {
    await world.adapter.close();
    tdb?.close();
    await world.sb.close();
    await closeAgents();
  });
  return world;
}
