import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { abiOfBinary } from './binary-abi';
import type { BindingStamp } from './stamp';
import { StepFailure } from './step-failure';

export interface BindingFiles {
  dir: string;
  binary: string;
  stamp: string;
}

/**
 * Puts a verified binary and its stamp in place. Both are written to a temporary
 * name in the same folder and renamed, so the app never finds half a file; the
 * binary goes first, so a stamp never vouches for a file that is not there.
 */
export function installBinding(files: BindingFiles, produced: string, stamp: BindingStamp): void {
  mkdirSync(files.dir, { recursive: true });
  const binaryTemp = join(files.dir, `.binary-${process.pid}.tmp`);
  const stampTemp = join(files.dir, `.stamp-${process.pid}.tmp`);
  try {
    copyFileSync(produced, binaryTemp);
    const copiedAbi = abiOfBinary(binaryTemp);
    if (copiedAbi !== stamp.abi)
      throw new Error(`the copy reads as ABI ${copiedAbi ?? 'unknown'}, not ${stamp.abi}`);
    renameSync(binaryTemp, files.binary);
    writeFileSync(stampTemp, `${JSON.stringify(stamp, null, 2)}\n`);
    renameSync(stampTemp, files.stamp);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StepFailure(
      `Could not write the Electron build of better-sqlite3 to ${files.dir} (${reason}); check that folder is writable and run \`npm start\` again.`,
    );
  } finally {
    rmSync(binaryTemp, { force: true });
    rmSync(stampTemp, { force: true });
  }
}
