import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { STAGE_CHUNK_BYTES, STAGE_MAX_BYTES } from '../../../shared/ipc/schemas/files';
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from '../db/private-files';

/** The folder of the profile where staged files live while a person works with them. */
export const STAGING_FOLDER = 'staging';

export interface StagingLimits {
  /** The largest single file. */
  maxBytes: number;
  /** All staged files together (declared sizes): older ones are dropped to make room. */
  maxTotalBytes: number;
  /** A file nobody touched for this long is dropped (the person walked away). */
  idleMs: number;
}

export const STAGING_LIMITS: StagingLimits = {
  maxBytes: STAGE_MAX_BYTES,
  maxTotalBytes: 2 * STAGE_MAX_BYTES,
  idleMs: 60 * 60_000,
};

/** A staged file ready to read. `path` never leaves the main process. */
export interface StagedFile {
  token: string;
  name: string;
  size: number;
  path: string;
}

export class StagedFileError extends Error {
  override name = 'StagedFileError';
}

interface Entry extends StagedFile {
  received: number;
  touchedAt: number;
}

export interface ChunkInput {
  token?: string | undefined;
  name: string;
  size: number;
  offset: number;
  /** base64 */
  data: string;
}

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`;
}

/**
 * The files a person handed to the app, kept as private temp files under the
 * profile (0600 in a 0700 folder) and known by an opaque token. Bounded: one
 * file's size, all files' size, an idle time (checked on every call, so no
 * timer is held); cleared whole at start-up, since a token lives only as long
 * as the process that made it.
 */
export class FileStaging {
  readonly folder: string;
  private readonly entries = new Map<string, Entry>();
  private readonly limits: StagingLimits;
  private readonly now: () => number;

  constructor(dataDir: string, limits: StagingLimits = STAGING_LIMITS, now = Date.now) {
    this.folder = join(dataDir, STAGING_FOLDER);
    this.limits = limits;
    this.now = now;
  }

  /** How many files are staged now (tests and the no-growth check). */
  get size(): number {
    return this.entries.size;
  }

  /** Removes every staged file, this run's and any a crash left behind. Returns how many. */
  clearAll(): number {
    for (const token of [...this.entries.keys()]) this.discard(token);
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return 0;
    }
    for (const name of names) rmSync(join(this.folder, name), { force: true, recursive: true });
    return names.length;
  }

  /** Takes one chunk in order; the first opens the file, the one reaching its size completes it. */
  write(chunk: ChunkInput): { token: string; received: number; complete: boolean } {
    this.sweep();
    const entry = chunk.token === undefined ? this.open(chunk) : this.entryOf(chunk.token);
    if (chunk.offset !== entry.received) {
      throw new StagedFileError(
        `The upload of “${entry.name}” is out of order (expected byte ${entry.received}, got ${chunk.offset}); choose the file again.`,
      );
    }
    const bytes = Buffer.from(chunk.data, 'base64');
    if (bytes.length > STAGE_CHUNK_BYTES || entry.received + bytes.length > entry.size) {
      this.discard(entry.token);
      throw new StagedFileError(
        `“${entry.name}” sent more than its size of ${entry.size} bytes; choose the file again.`,
      );
    }
    if (bytes.length > 0) appendFileSync(entry.path, bytes);
    entry.received += bytes.length;
    entry.touchedAt = this.now();
    return { token: entry.token, received: entry.received, complete: this.isComplete(entry) };
  }

  /** A complete staged file, or a sentence saying it is gone or unfinished. */
  file(token: string): StagedFile {
    this.sweep();
    const entry = this.entryOf(token);
    if (!this.isComplete(entry)) {
      throw new StagedFileError(
        `“${entry.name}” has not finished uploading (${entry.received} of ${entry.size} bytes).`,
      );
    }
    entry.touchedAt = this.now();
    return { token: entry.token, name: entry.name, size: entry.size, path: entry.path };
  }

  /**
   * A file main writes for the person to download (rejected rows, a job's
   * results): write it at `path`, then `seal` it; the renderer reads it with
   * `read` and discards it. It counts against the same bounds.
   */
  reserve(name: string): StagedFile {
    this.sweep();
    const entry = this.create(name, -1);
    return { token: entry.token, name, size: 0, path: entry.path };
  }

  seal(token: string): StagedFile {
    const entry = this.entryOf(token);
    entry.size = statSync(entry.path).size;
    entry.received = entry.size;
    entry.touchedAt = this.now();
    this.makeRoom(0, token);
    return this.file(token);
  }

  /** One chunk of a complete staged file, from `offset`. */
  read(token: string, offset: number): { data: string; done: boolean } {
    const file = this.file(token);
    const length = Math.max(0, Math.min(STAGE_CHUNK_BYTES, file.size - offset));
    const buffer = Buffer.alloc(length);
    const fd = openSync(file.path, 'r');
    try {
      readSync(fd, buffer, 0, length, offset);
    } finally {
      closeSync(fd);
    }
    return { data: buffer.toString('base64'), done: offset + length >= file.size };
  }

  /** Deletes a staged file. False when it was not there (already discarded, used or expired). */
  discard(token: string): boolean {
    const entry = this.entries.get(token);
    if (!entry) return false;
    this.entries.delete(token);
    // A reader may still hold it open (Windows refuses then): the next start removes it.
    try {
      rmSync(entry.path, { force: true });
    } catch {}
    return true;
  }

  private isComplete(entry: Entry): boolean {
    return entry.received === entry.size;
  }

  private entryOf(token: string): Entry {
    const entry = this.entries.get(token);
    if (!entry) {
      throw new StagedFileError(
        'That file is no longer available here (it was discarded, used or left too long); choose it again.',
      );
    }
    return entry;
  }

  private open(chunk: ChunkInput): Entry {
    if (chunk.size > this.limits.maxBytes) {
      throw new StagedFileError(
        `“${chunk.name}” is ${megabytes(chunk.size)}; files up to ${megabytes(this.limits.maxBytes)} can be used. Split it into smaller files.`,
      );
    }
    this.makeRoom(chunk.size);
    return this.create(chunk.name, chunk.size);
  }

  private create(name: string, size: number): Entry {
    ensurePrivateFolder(this.folder);
    const token = randomBytes(16).toString('hex');
    const path = join(this.folder, `${token}.upload`);
    writeFileSync(path, '', { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    const entry: Entry = { token, name, size, path, received: 0, touchedAt: this.now() };
    this.entries.set(token, entry);
    return entry;
  }

  /** Drops the least recently used files (but `keep`) until `incoming` more bytes fit the total. */
  private makeRoom(incoming: number, keep?: string): void {
    const byAge = [...this.entries.values()]
      .filter((e) => e.token !== keep)
      .sort((a, b) => a.touchedAt - b.touchedAt);
    const sizeOf = (e: Entry) => Math.max(0, e.size);
    let total = [...this.entries.values()].reduce((sum, e) => sum + sizeOf(e), 0);
    for (const entry of byAge) {
      if (total + incoming <= this.limits.maxTotalBytes) break;
      this.discard(entry.token);
      total -= sizeOf(entry);
    }
  }

  private sweep(): void {
    const limit = this.now() - this.limits.idleMs;
    for (const entry of [...this.entries.values()]) {
      if (entry.touchedAt < limit) this.discard(entry.token);
    }
  }
}
