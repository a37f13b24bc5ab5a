import { join } from 'node:path';
import { AdapterPool } from './accounts/adapters';
import { SyncLoop } from './background/sync-loop';
import { cleanAbandonedImports } from './bulk/import-job';
import { backupIfDue } from './db/backups';
import { type Db, setProcessBinding } from './db/connection';
import { openProfileDatabase } from './db/database';
import { applyStagedRestore } from './db/restore';
import { CoreEvents } from './events/core-events';
import { attachEvents, detachEvents } from './events/sink';
import { FileStaging } from './files/staging';
import type { EngineOptions } from './outbox/engine';
import { OutboxService } from './outbox/service';
import { DATABASE_FILE, PRODUCT_NAME } from './paths';
import { NO_SHELL, type ShellHooks } from './shell-hooks';
import { ChainVault, EnvVault } from './vault/env-vault';
import type { SecretVault } from './vault/vault';
import type { VaultService } from './vault/vault-service';

export interface CoreOptions {
  dataDir: string;
  version: string;
  /** Electron-ABI better-sqlite3 addon when running inside Electron (development and packaged); absent in Node. */
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
  /** What the shell knows (log folder, keychain); Electron's main process passes its own. */
  shell?: ShellHooks;
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
  /** What changed, for the shell to forward to its window; the one bus of this profile. */
  readonly events: CoreEvents;
  readonly vaults: VaultService | null;
  /** Sentences for the person from opening the profile (a tightened folder, a restore done). */
  readonly notices: string[] = [];
  readonly shell: ShellHooks;
  private readonly options: CoreOptions;
  private connection: Db | undefined;
  private pool: AdapterPool | undefined;
  private outboxService: OutboxService | undefined;
  private syncLoop: SyncLoop | undefined;
  private fileStaging: FileStaging | undefined;
  /** One-off work started in the background (the first run's contact sync); close() waits for it. */
  private readonly tasks = new Set<Promise<unknown>>();

  constructor(options: CoreOptions) {
    this.options = options;
    // Backups and restores open files directly: they must load the same addon.
    if (options.nativeBinding) setProcessBinding(options.nativeBinding);
    this.dataDir = options.dataDir;
    this.version = options.version;
    this.vaults = options.vaults ?? null;
    const own = options.vault ?? (this.vaults ? null : new EnvVault());
    this.vault = new ChainVault([own, this.vaults].filter((v): v is SecretVault => v !== null));
    this.secretStore = options.secretStore ?? this.vaults;
    this.shell = options.shell ?? NO_SHELL;
    this.databaseFile = join(options.dataDir, DATABASE_FILE);
    this.events = new CoreEvents(() => this.db);
  }

  get db(): Db {
    if (!this.connection) {
      const opened = openProfileDatabase(
        this.dataDir,
        this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {},
      );
      this.notices.push(...opened.notices);
      this.connection = opened.db;
      attachEvents(this.connection, this.events);
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

  /** Files a person handed to the app (chunks from the renderer), known by token. */
  get staging(): FileStaging {
    this.fileStaging ??= new FileStaging(this.dataDir);
    return this.fileStaging;
  }

  /** The app's background work: sending the outbox and tracking what was sent. */
  startBackground(): void {
    // Staged files live as long as the process that took them: a previous run's are dead weight.
    this.staging.clearAll();
    // A bulk import that a crash interrupted is removed whole: it was never sendable.
    cleanAbandonedImports(this.db);
    this.outbox.start();
    this.sync.start();
  }

  /** Runs a task without blocking start-up; its failure is its own to report (events), never unhandled. */
  runInBackground(task: Promise<unknown>): void {
    const tracked = task.catch(() => undefined).finally(() => this.tasks.delete(tracked));
    this.tasks.add(tracked);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.tasks]);
    await this.syncLoop?.stop();
    await this.outboxService?.stop();
    await this.pool?.closeAll();
    this.fileStaging?.clearAll();
    this.events.dispose();
    if (this.connection) detachEvents(this.connection);
    this.connection?.close();
    this.connection = undefined;
  }
}
