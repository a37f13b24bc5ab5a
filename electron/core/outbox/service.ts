import type { Db } from '../db/connection';
import { logProblem } from '../log';
import { type EngineOptions, OutboxEngine } from './engine';
import type { AdapterFor } from './reconcile';
import { countInFlight, releaseUndispatchedLeases } from './recover';

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

  /**
   * Stops sending: requests already written to a provider finish (their answer
   * is saved), then rows this engine claimed but had not sent go back to the
   * queue at once rather than when their lease runs out.
   */
  async stop(): Promise<void> {
    this.engine?.stop();
    await this.running;
    if (this.engine) releaseUndispatchedLeases(this.db, this.engine.owner, Date.now());
    this.engine = null;
    this.running = null;
  }

  /** Messages this process is sending right now: what a quit would interrupt. */
  inFlight(): number {
    return this.engine ? countInFlight(this.db, this.engine.owner) : 0;
  }

  /**
   * Something was queued or un-paused: look now rather than at the next tick.
   * Callers have already committed their change, so a nudge that fails must
   * never turn their reply into an error (a person told "not sent" sends
   * again): it is logged, and the engine's own next look (within a second)
   * finds the work anyway.
   */
  wake(): void {
    try {
      this.engine?.wake();
    } catch (error) {
      logProblem('could not wake the outbox after a change was saved', error);
    }
  }

  /** An account's secret was set or fixed (null: any, e.g. the vault was unlocked): send from it again. */
  secretChanged(accountId: number | null = null): void {
    try {
      this.engine?.secretChanged(accountId);
    } catch (error) {
      logProblem('could not tell the outbox a secret changed', error);
    }
  }

  /** The shell's online/offline and resume-from-sleep hook. */
  networkChanged(online: boolean): void {
    try {
      this.engine?.networkChanged(online);
    } catch (error) {
      logProblem('could not tell the outbox the network changed', error);
    }
  }

  /** "Retry now" on a paused account: probes it and resumes sending when it works. */
  async retryNow(accountId: number): Promise<void> {
    const probe = this.engine ?? new OutboxEngine(this.db, this.adapterFor, this.options);
    await probe.probeNow(accountId);
    this.wake();
  }
}
