import { resolve } from 'node:path';
import type { Command } from 'commander';
import { output } from '../context';
import { UsageError } from '../errors';
import type { GlobalOptions } from '../io';

// The database code is loaded inside the actions: --help pays for none of it.

export function registerBackupCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('backup')
    .description(
      'a consistent copy of the database (safe while the app sends), kept in backups/ (the last 7)',
    )
    .option('--to <file>', 'write the copy to this file instead (not counted among the 7)')
    .action(async (o: { to?: string }) => {
      const { dataDir } = globals();
      const [{ openCliDatabase }, backups] = await Promise.all([
        import('../profile'),
        import('../../core/db/backups'),
      ]);
      // Checked whole first: a backup of a damaged file would push good ones out of the 7.
      const db = await openCliDatabase(dataDir, { dailyBackup: false, scan: true });
      try {
        if (o.to) {
          const file = resolve(o.to);
          await backups.exportBackup(db, file);
          output(globals(), { file }, `Backed up the database to ${file}.`);
        } else {
          const made = await backups.createBackup(db, dataDir, 'manual');
          output(
            globals(),
            { file: made.path, name: made.name, sizeBytes: made.sizeBytes },
            `Backed up the database to ${made.path}.`,
          );
        }
      } finally {
        db.close();
      }
    });
}

interface RestoreOptions {
  latest?: boolean;
  empty?: boolean;
}

export function registerRestoreCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('restore')
    .description(
      'replace the database with a backup, after backing up the current one; refused while the app or another command has it open',
    )
    .argument('[file]', 'the backup file to restore')
    .option('--latest', 'restore the newest backup in backups/')
    .option('--empty', 'after a damaged database was moved aside: start with an empty one')
    .action(async (file: string | undefined, o: RestoreOptions) => {
      const chosen = [file !== undefined, !!o.latest, !!o.empty].filter(Boolean).length;
      if (chosen !== 1) throw new UsageError('Give one of: a backup FILE, --latest or --empty');
      const { dataDir } = globals();
      const restore = await import('../../core/db/restore');
      if (o.empty) {
        restore.startEmpty(dataDir);
        output(globals(), { empty: true }, 'The next command starts with an empty database.');
        return;
      }
      const result = file
        ? await restore.restoreBackup(dataDir, resolve(file))
        : await restore.restoreLatest(dataDir);
      const kept = result.safetyBackup
        ? ` The data it replaced is in ${result.safetyBackup.path}.`
        : result.movedAside
          ? ` The damaged file it replaced was moved aside to ${result.movedAside}.`
          : '';
      output(
        globals(),
        {
          restored: result.restored,
          safetyBackup: result.safetyBackup?.path ?? null,
          movedAside: result.movedAside,
        },
        `Restored ${result.restored}.${kept}`,
      );
    });
}
