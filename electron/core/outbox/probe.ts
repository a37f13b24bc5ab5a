import { getAccount, rememberOkIp } from '../accounts/repository';
import type { Db } from '../db/connection';
import { MANUAL_PAUSE, pausedAccounts, resumeAccount } from './pause';
import type { AdapterFor } from './reconcile';

/** Pauses that lift by themselves once the provider accepts us again: IP (112) and credit (111). */
const AUTO_PROBED = new Set(['112', '111']);

/**
 * Tries paused accounts again and resumes those the provider now accepts.
 * With `force` (a person asked: "Retry now", `account test`, `outbox drain`)
 * every provider pause is tried; otherwise only 112/111, at most once per
 * interval. A pause the person set is never lifted here.
 */
export class PauseProber {
  /** Only accounts paused now: entries go when their pause lifts, so the map never outgrows the open pauses. */
  private readonly lastProbe = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly adapterFor: AdapterFor,
    private readonly intervalMs: number,
  ) {}

  /** A pause just began: the first automatic probe waits a full interval. */
  paused(accountId: number, now: number): void {
    this.lastProbe.set(accountId, now);
  }

  /** When the next automatic probe is due, or null when no pause lifts by itself. */
  nextAt(): number | null {
    const paused = pausedAccounts(this.db);
    // A pause lifted elsewhere (a person, another process) is forgotten here too.
    const open = new Set(paused.map((p) => p.accountId));
    for (const id of this.lastProbe.keys()) if (!open.has(id)) this.lastProbe.delete(id);
    const times = paused
      .filter((p) => AUTO_PROBED.has(p.code))
      .map((p) => (this.lastProbe.get(p.accountId) ?? 0) + this.intervalMs);
    return times.length === 0 ? null : Math.min(...times);
  }

  /** Returns how many accounts were resumed. */
  async probe(now: number, options: { accountId: number | null; force: boolean }): Promise<number> {
    let resumed = 0;
    for (const paused of pausedAccounts(this.db)) {
      if (!this.due(paused, now, options)) continue;
      this.lastProbe.set(paused.accountId, now);
      if (await this.accepts(paused.accountId, paused.code)) {
        resumeAccount(this.db, paused.accountId);
        this.lastProbe.delete(paused.accountId);
        resumed += 1;
      }
    }
    return resumed;
  }

  private due(
    paused: { accountId: number; code: string },
    now: number,
    options: { accountId: number | null; force: boolean },
  ): boolean {
    if (options.accountId !== null && paused.accountId !== options.accountId) return false;
    if (paused.code === MANUAL_PAUSE) return false;
    if (options.force) return true;
    if (!AUTO_PROBED.has(paused.code)) return false;
    return now - (this.lastProbe.get(paused.accountId) ?? 0) >= this.intervalMs;
  }

  private async accepts(accountId: number, code: string): Promise<boolean> {
    try {
      const adapter = this.adapterFor(accountId);
      if (code === '111' && adapter.capabilities.accountInfo) {
        return ((await adapter.getAccount()).balance ?? 0) > 0;
      }
      await adapter.verify();
      const account = getAccount(this.db, accountId);
      if (account.localAddress) rememberOkIp(this.db, accountId, account.localAddress);
      return true;
    } catch {
      return false;
    }
  }
}
