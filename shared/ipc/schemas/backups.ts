import { z } from 'zod';

/** One file in the data folder's `backups/`. */
export const BackupEntry = z.object({
  /** File name inside the folder; what `backups.restore` takes. */
  name: z.string(),
  /** When it was made, ms since the epoch. */
  createdAt: z.number().int(),
  sizeBytes: z.number().int().nonnegative(),
  reason: z.enum(['daily', 'manual', 'before-migration', 'before-restore']),
});

export const BackupsListReply = z.object({
  /** The absolute path of `backups/`, to show the person where the files are. */
  folder: z.string(),
  /** How many the folder keeps; older ones are deleted as new ones are made. */
  kept: z.number().int().positive(),
  /** Newest first. */
  backups: z.array(BackupEntry),
  /** The backup the next start will restore, when the person chose one. */
  stagedRestore: z.string().nullable(),
});

export const BackupCreateReply = BackupEntry;

export const BackupRestoreRequest = z
  .object({
    name: z.string().regex(/^outpost-[0-9TZ]+-[a-z-]+\.sqlite$/, 'Name a file from backups.list.'),
  })
  .strict();

/**
 * The app has the database open, so a restore is staged: done at the next
 * start, after a fresh backup of the current file. `sentence` says so.
 */
export const BackupRestoreReply = z.object({
  staged: z.literal(true),
  name: z.string(),
  sentence: z.string(),
});
