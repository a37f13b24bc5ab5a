import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Path to a better-sqlite3 addon built for the running ABI. The Electron app
   * (in development and packaged) passes its Electron-ABI build here; Node
   * (tests, CLI) omits it and gets the Node build.
   */
  nativeBinding?: string;
  readonly?: boolean;
}

let processBinding: string | undefined;

/**
 * The addon every connection of this process loads. One process has one ABI,
 * so the Electron shell's core sets its build once, and the helpers that open
 * a file directly (backups, restore) get it too instead of the Node build.
 */
export function setProcessBinding(path: string | undefined): void {
  processBinding = path;
}

/** better-sqlite3's options with this process's addon, for a connection opened outside openDatabase. */
export function bindingOptions<T extends object>(options: T): T & { nativeBinding?: string } {
  return processBinding ? { ...options, nativeBinding: processBinding } : options;
}

/** How long a writer waits for another process's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * The only way the app and the CLI open the database, so every connection gets
 * the same guarantees. synchronous=FULL is set on each connection because
 * better-sqlite3 is compiled so that connections to an existing WAL file start
 * at NORMAL, which may lose a just-committed "queued" or "sent" on power loss.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const binding = options.nativeBinding ?? processBinding;
  const db = new Database(file, {
    ...(binding ? { nativeBinding: binding } : {}),
    readonly: options.readonly ?? false,
  });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export interface ConnectionReport {
  journalMode: string;
  synchronous: number;
  foreignKeys: boolean;
  busyTimeout: number;
}

/** What the connection actually runs with, read back from SQLite rather than assumed. */
export function describeConnection(db: Db): ConnectionReport {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })) === 1,
    busyTimeout: Number(db.pragma('busy_timeout', { simple: true })),
  };
}
