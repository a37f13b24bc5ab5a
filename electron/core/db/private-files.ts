import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Owner-only: nobody else on the computer may list or read the profile. */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Windows profiles are per-user already, and POSIX modes mean nothing there. */
function isPosix(platform: NodeJS.Platform): boolean {
  return platform !== 'win32';
}

function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

/**
 * Creates `folder` owner-only, or tightens an existing one. Returns a
 * sentence when it had to tighten something, so the app and the CLI can say
 * so once (the next start finds it private and says nothing).
 */
export function ensurePrivateFolder(
  folder: string,
  platform: NodeJS.Platform = process.platform,
): string | null {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (!isPosix(platform)) return null;
  const before = modeOf(folder);
  if ((before & 0o077) === 0) return null;
  chmodSync(folder, PRIVATE_FOLDER_MODE);
  return `The data folder ${folder} was open to other users of this computer (mode ${before.toString(8)}); it is now private to you.`;
}

/**
 * Makes every file directly in `folder` owner-only (the database, SQLite's
 * -wal and -shm, backups, the vault file). Returns how many it had to change.
 */
export function makeFilesPrivate(
  folder: string,
  platform: NodeJS.Platform = process.platform,
): number {
  if (!isPosix(platform)) return 0;
  let changed = 0;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(folder, name);
    try {
      const stat = statSync(path);
      if (!stat.isFile() || (stat.mode & 0o077) === 0) continue;
      chmodSync(path, PRIVATE_FILE_MODE);
      changed++;
    } catch {
      // A file SQLite removed between the listing and the chmod (a -wal at close) needs nothing.
    }
  }
  return changed;
}
