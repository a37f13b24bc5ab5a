import type { Db } from '../db/connection';
import { type EngineOptions, OutboxEngine } from './engine';
import type { AdapterFor } from './reconcile';

/**
 * The app's outbox: one long-running engine per process, started by the shell
 * (Electron main or `npm run web`). The CLI uses OutboxEngine.drain instead.
 */
export class OutboxService {
  private engine: OutboxEngine | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly adapterFor: AdapterFor,
    private readonly options: Omit<EngineOptions, 'db' | 'adapterFor'> = {},
  ) {}

  start(): void {
    if (this.engine) return;
    this.engine = new OutboxEngine(this.db, this.adapterFor, this.options);
    this.running = this.engine.run();
  }

  async stop(): Promise<void> {
    this.engine?.stop();
    await this.running;
    this.engine = null;
    this.running = null;
  }

  /** Something was queued or un-paused: look now rather than at the next tick. */
  wake(): void {
    this.engine?.wake();
  }

  /** The shell's online/offline and resume-from-sleep hook. */
  networkChanged(online: boolean): void {
    this.engine?.networkChanged(online);
  }

  /** "Retry now" on a paused account: probes it and resumes sending when it works. */
  async retryNow(accountId: number): Promise<void> {
    const probe = this.engine ?? new OutboxEngine(this.db, this.adapterFor, this.options);
    await probe.probeNow(accountId);
    this.wake();
  }
}
