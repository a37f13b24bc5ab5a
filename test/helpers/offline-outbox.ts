import { addAccount } from '../../electron/core/accounts/repository';
import type { Db } from '../../electron/core/db/connection';
import { openAppDatabase } from '../../electron/core/db/database';
import { tempDir } from './temp-dir';

/** An app database in a fresh folder with one nrs account that points nowhere (for outbox SQL without HTTP). */
export interface OfflineOutbox {
  db: Db;
  accountId: number;
  close: () => void;
}

export function openOfflineOutbox(prefix: string): OfflineOutbox {
  const dir = tempDir(prefix);
  const db = openAppDatabase(dir.path);
  const { id: accountId } = addAccount(db, {
    name: 'S',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:1',
    username: 'u',
    secretRef: 'env:UNUSED',
  });
  return {
    db,
    accountId,
    close: () => {
      db.close();
      dir.remove();
    },
  };
}
