import { join } from 'node:path';
import { AdapterPool } from './accounts/adapters';
import { SyncLoop } from './background/sync-loop';
import { cleanAbandonedImports } from './bulk/import-job';
import { backupIfDue } from './db/backups';
import type { Db } from './db/connection';
import { openProfileDatabase } from './db/database';
import { applyStagedRestore } from './db/restore';
import type { EngineOptions } from './outbox/engine';
import { OutboxService } from './outbox/service';
import { DATABASE_FILE, PRODUCT_NAME } from './paths';
import { ChainVault, EnvVault } from './vault/env-vault';
import type { SecretVault } from './vault/vault';
import type { VaultService } from './vault/vault-service';

export interface CoreOptions {
  dataDir: string;
  version: string;
  /** Electron-ABI better-sqlite3 addon in the packaged app; absent in Node. */
  nativeBinding?: string;
  /** Where account secrets are read from (Electron: safeStorage; CLI: environment). */
  vault?: SecretVault;
  /** Where the app keeps the secret of an account a person adds (Electron: safeStorage). */
  secretStore?: { store(key: string, secret: string): string };
  /**
   * The vault shared with the CLI (OS credential store or passphrase file):
   * read after `vault`, and where new secrets go unless `secretStore` is given.
   */
  vaults?: VaultService;
  outbox?: Omit<EngineOptions, 'db' | 'adapterFor'>;
}

/**
 * What every service of the core shares: where the profile lives, its one
 * database connection (opened on first use, so a command that never touches
 * SQLite costs nothing), the provider adapters and the outbox.
 */
export class CoreContext {
  readonly appName = PRODUCT_NAME;
  readonly dataDir: string;
  readonly version: string;
  readonly databaseFile: string;
  readonly vault: SecretVault;
  readonly secretStore: { store(key: string, secret: string): string } | null;
  readonly vaults: VaultService | null;
  /** Sentences for the person from opening the profile (a tightened folder, a restore done). */
  readonly notices: string[] = [];
  private readonly options: CoreOptions;
  private connection: Db | undefined;
  private pool: AdapterPool | undefined;
  private outboxService: OutboxService | undefined;
  private syncLoop: SyncLoop | undefined;

  constructor(options: CoreOptions) {
    this.options = options;
    this.dataDir = options.dataDir;
    this.version = options.version;
    this.vaults = options.vaults ?? null;
    const own = options.vault ?? (this.vaults ? null : new EnvVault());
    this.vault = new ChainVault([own, this.vaults].filter((v): v is SecretVault => v !== null));
    this.secretStore = options.secretStore ?? this.vaults;
    this.databaseFile = join(options.dataDir, DATABASE_FILE);
  }

  get db(): Db {
    if (!this.connection) {
      const opened = openProfileDatabase(
        this.dataDir,
        this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {},
      );
      this.notices.push(...opened.notices);
      this.connection = opened.db;
    }
    return this.connection;
  }

  /**
   * The app's start: a restore chosen in Settings last time is done before
   * the file is opened, then the database is opened (throwing
   * DamagedDatabaseError or SchemaTooNewError) and backed up when the newest
   * backup is older than a day. Returns the notices to show.
   */
  async open(): Promise<string[]> {
    if (!this.connection) {
      const restored = await applyStagedRestore(this.dataDir);
      if (restored) this.notices.push(restored);
    }
    await backupIfDue(this.db, this.dataDir);
    return this.notices;
  }

  get adapters(): AdapterPool {
    this.pool ??= new AdapterPool(this.db, this.vault);
    return this.pool;
  }

  get outbox(): OutboxService {
    this.outboxService ??= new OutboxService(this.db, this.adapters.get, this.options.outbox);
    return this.outboxService;
  }

  get sync(): SyncLoop {
    this.syncLoop ??= new SyncLoop(this.db, this.adapters.get);
    return this.syncLoop;
  }

  /** The app's background work: sending the outbox and tracking what was sent. */
  startBackground(): void {
    // A bulk import that a crash interrupted is removed whole: it was never sendable.
    cleanAbandonedImports(this.db);
    this.outbox.start();
    this.sync.start();
  }

  async close(): Promise<void> {
    await this.syncLoop?.stop();
    await this.outboxService?.stop();
    await this.pool?.closeAll();
    this.connection?.close();
    this.connection = undefined;
  }
}
