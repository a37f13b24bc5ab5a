import { join } from 'node:path';
import type { Db } from './db/connection';
import { openAppDatabase } from './db/database';
import { DATABASE_FILE, PRODUCT_NAME } from './paths';

export interface CoreOptions {
  dataDir: string;
  version: string;
  /** Electron-ABI better-sqlite3 addon in the packaged app; absent in Node. */
  nativeBinding?: string;
}

/**
 * What every service of the core shares: where the profile lives and its one
 * database connection, opened on first use so that starting the app or a CLI
 * command that never touches SQLite costs nothing.
 */
export class CoreContext {
  readonly appName = PRODUCT_NAME;
  readonly dataDir: string;
  readonly version: string;
  readonly databaseFile: string;
  private readonly nativeBinding: string | undefined;
  private connection: Db | undefined;

  constructor(options: CoreOptions) {
    this.dataDir = options.dataDir;
    this.version = options.version;
    this.nativeBinding = options.nativeBinding;
    this.databaseFile = join(options.dataDir, DATABASE_FILE);
  }

  get db(): Db {
    this.connection ??= openAppDatabase(
      this.dataDir,
      this.nativeBinding ? { nativeBinding: this.nativeBinding } : {},
    );
    return this.connection;
  }

  close(): void {
    this.connection?.close();
    this.connection = undefined;
  }
}
