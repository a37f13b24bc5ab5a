import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { NrsAdapter } from '../../../electron/core/providers/nrs/adapter';
import type { SandboxHandle } from '../../../electron/sandbox';
import { tempDir } from '../../helpers/temp-dir';

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
