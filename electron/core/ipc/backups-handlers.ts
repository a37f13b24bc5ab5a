import type { CoreContext } from '../context';
import {
  BACKUPS_KEPT,
  type BackupInfo,
  backupsFolder,
  createBackup,
  listBackups,
} from '../db/backups';
import { stagedRestoreName, stageRestore } from '../db/restore';
import type { HandlersFor } from './handler-table';

function entry(backup: BackupInfo) {
  return {
    name: backup.name,
    createdAt: backup.createdAt.getTime(),
    sizeBytes: backup.sizeBytes,
    reason: backup.reason,
  };
}

export function backupsHandlers(
  core: CoreContext,
): HandlersFor<'backups.list' | 'backups.create' | 'backups.restore'> {
  return {
    'backups.list': () => ({
      folder: backupsFolder(core.dataDir),
      kept: BACKUPS_KEPT,
      backups: listBackups(core.dataDir).map(entry),
      stagedRestore: stagedRestoreName(core.dataDir),
    }),
    'backups.create': async () => entry(await createBackup(core.db, core.dataDir, 'manual')),
    // The database is open in the app (and the outbox may be sending): the swap waits for the next start.
    'backups.restore': ({ name }) => {
      const backup = stageRestore(core.dataDir, name);
      return {
        staged: true as const,
        name: backup.name,
        sentence: `The backup of ${backup.createdAt.toLocaleString()} will be restored when Outpost next starts, after a backup of the current data; restart Outpost to do it now.`,
      };
    },
  };
}
