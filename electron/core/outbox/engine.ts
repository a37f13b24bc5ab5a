import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { RecipientResult, SendResult } from '../../../shared/domain/message';
import type { ProviderFailure } from '../../../shared/domain/provider-error';
import { getAccount, rememberOkIp } from '../accounts/repository';
import { checkpointWal } from '../db/checkpoint';
import type { Db } from '../db/connection';
import { withDeferredSync } from '../db/deferred-sync';
import { prepareOnce } from '../db/statements';
import { commitWithoutWaiting, type FileSync, flushWal, fsyncFile } from '../db/wal-sync';
import { isProviderError } from '../providers/errors';
import { SecretUnavailableError } from '../vault/vault';
import { type Claim, type ClaimedRow, claimBatch } from './claim';
import { DrainTimings } from './drain-timings';
import { expireOverdue } from './expire';
import { handBackUnsent } from './hand-back';
import { pauseAccount, pauseReason } from './pause';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './policy';
import { PauseProber } from './probe';
import { type AdapterFor, reconcileUnknown } from './reconcile';
import { recoverExpiredLeases } from './recover';
import { requestLabels, rowRef } from './request-labels';
import { notHeld } from './rules';
import { failSenderQueue } from './sender-block';
import { type Outcome, settle } from './settle';
import { Sleepers } from './sleepers';
import { nextWakeAt } from './wake';

export interface EngineOptions {
  db: Db;
  adapterFor: AdapterFor;
  /** Identifies this process's leases (visible in the database when debugging). */
  owner?: string;
  batchSize?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Must exceed the adapter's total request timeout, or live requests are taken over. */
  leaseMs?: number;
  reconcileDelayMs?: number;
  /** How long an account whose network failed is left alone before the next try. */
  offlineRetryMs?: number;
  /** How often a paused account (112 IP, 111 credit) is probed to resume by itself. */
  probeIntervalMs?: number;
  policy?: RetryPolicy;
  now?: () => number;
  random?: () => number;
  /** How the WAL is flushed before a request is written (a test seam; default fsync). */
  syncWal?: FileSync;
}

/** A batch leased and marked dispatched, and on disk. */
interface Leased {
  claim: Claim;
  /** When it was claimed: the request's deadline counts from here. */
  claimedAt: number;
}

/** Filled while a request is made: settles once it is written (null: the adapter cannot tell). */
interface Written {
  request: Promise<void> | null;
}

/** A request's outcomes, answered and not yet written: writing them is all that is left. */
type HeldSettle = () => void;

/** The most a request's deadline keeps back from its lease (a quarter of a short lease). */
const LEASE_MARGIN_MS = 5_000;

export interface EngineTotals {
  requests: number;
  accepted: number;
  failed: number;
  retried: number;
  unknown: number;
  released: number;
  /** Lost answers the provider confirmed (not sent again). */
  confirmed: number;
  /** Lost answers the provider never received (sent again). */
  resent: number;
}

/**
 * Sends what the outbox holds. Every step that matters is a database
 * transaction (claim, dispatch mark, settle), so the process can be killed at
 * any moment and another one — the app, a CLI — carries on without sending a
 * recipient twice.
 */
export class OutboxEngine {
  readonly totals: EngineTotals = {
    requests: 0,
    accepted: 0,
    failed: 0,
    retried: 0,
    unknown: 0,
    released: 0,
    confirmed: 0,
    resent: 0,
  };
  /** Where this engine's time went (see DrainTimings); read by the drain benchmark. */
  readonly timings = new DrainTimings();
  private readonly o: Required<Omit<EngineOptions, 'db' | 'adapterFor'>>;
  private readonly offlineUntil = new Map<number, number>();
  /**
   * Accounts this process could not read a secret for, with the reason and the
   * secret reference they had then. An entry goes when that account's secret
   * changes (`secretChanged`, or another reference in the database), or at a
   * person's "retry now".
   */
  private readonly unusable = new Map<number, { reason: string; secretRef: string | null }>();
  private readonly prober: PauseProber;
  private readonly sleepers = new Sleepers();
  private stopped = false;
  private reconciling = false;
  /**
   * Senders the provider refused (115) in this process, by account and
   * sender, with when and why: a batch of theirs claimed ahead before the
   * refusal fails with it instead of asking again. Entries older than a
   * request's budget are dropped (no batch claimed ahead is older).
   */
  private readonly blockedSenders = new Map<string, { at: number; failure: ProviderFailure }>();
  /** Every slot's requests made and not yet on the wire (see siblingsWritten). */
  private readonly unwritten = new Set<Promise<void>>();
  /**
   * Claims made by a slot with nothing in flight, until their dispatch mark is
   * flushed: each is a request about to be made (see siblingsWritten).
   */
  private readonly flushing = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly adapterFor: AdapterFor,
    options: Omit<EngineOptions, 'db' | 'adapterFor'> = {},
  ) {
    this.o = {
      owner: options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      batchSize: options.batchSize ?? 100,
      concurrency: options.concurrency ?? 2,
      leaseMs: options.leaseMs ?? 120_000,
      reconcileDelayMs: options.reconcileDelayMs ?? 30_000,
      offlineRetryMs: options.offlineRetryMs ?? 3_000,
      probeIntervalMs: options.probeIntervalMs ?? 15_000,
      policy: options.policy ?? DEFAULT_RETRY_POLICY,
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
      syncWal: options.syncWal ?? fsyncFile,
    };
    this.prober = new PauseProber(db, adapterFor, this.o.probeIntervalMs);
  }

  /** The shell's online/offline hook: coming back online retries at once. */
  networkChanged(online: boolean): void {
    if (online) this.offlineUntil.clear();
    this.wake();
  }

  /** New work was queued or a pause lifted: stop waiting. */
  wake(): void {
    this.sleepers.wakeAll();
  }

  /** The name this engine's leases carry (what quitting releases). */
  get owner(): string {
    return this.o.owner;
  }

  stop(): void {
    this.stopped = true;
    this.wake();
  }

  /** A person's "retry now": probes the account whatever its pause, resuming it if the provider accepts us. */
  async probeNow(accountId: number): Promise<void> {
    this.unusable.delete(accountId);
    await this.probePaused(accountId, true);
  }

  /**
   * An account's secret was set or fixed (null: any account's, e.g. the vault
   * was unlocked): try its messages again instead of waiting for a restart.
   */
  secretChanged(accountId: number | null = null): void {
    if (accountId === null) this.unusable.clear();
    else this.unusable.delete(accountId);
    this.wake();
  }

  private async probePaused(accountId: number | null, force: boolean): Promise<void> {
    if ((await this.prober.probe(this.o.now(), { accountId, force })) > 0) this.wake();
  }

  /** Problems that kept accounts out of this run, as sentences. */
  get skippedAccounts(): string[] {
    return [...this.unusable.values()].map((u) => u.reason);
  }

  /**
   * Sends until nothing more can be sent before the deadline: the queue is
   * empty, or every account with due messages is paused, or time is up.
   * Paused accounts are probed once first (a person running drain means "retry now").
   */
  async drain(
    options: { accountId?: number | null; timeoutMs?: number } = {},
  ): Promise<EngineTotals> {
    const deadline = this.o.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY);
    await this.probePaused(options.accountId ?? null, true);
    const workers = Array.from({ length: this.o.concurrency }, () =>
      this.work(deadline, options.accountId ?? null, false),
    );
    await Promise.all(workers);
    await this.syncSettled();
    this.checkpointAfterDrain();
    return this.totals;
  }

  /** The app's long-running loop: like drain, but waits for new work until stop(). */
  async run(): Promise<void> {
    const workers = Array.from({ length: this.o.concurrency }, () =>
      this.work(Number.POSITIVE_INFINITY, null, true),
    );
    await Promise.all(workers);
    await this.syncSettled();
  }

  /**
   * One worker slot. While its request is in flight it already claims the
   * next batch (lease and dispatch mark, flushed to disk on the thread pool),
   * so the next request is written as soon as this one is answered: a slot
   * never waits for a claim or an fsync between two requests. A batch claimed
   * ahead is checked again just before its request (a pause or a cancel
   * meanwhile hands it back unsent), and handed back when the slot stops.
   * An answer whose outcomes cannot change what the next batch may do (no
   * pause, no refused sender) is written once the next request is: see
   * settleHeld.
   */
  private async work(deadline: number, accountId: number | null, forever: boolean): Promise<void> {
    let ahead: Promise<Leased | null> | null = null;
    let held: HeldSettle | null = null;
    this.busySlots += 1;
    try {
      while (!this.stopped && this.o.now() < deadline) {
        const now = this.o.now();
        await this.timings.timeAsync('housekeeping', async () => {
          this.recoverWhenDue(now);
          await this.reconcile(accountId);
          await this.probePaused(accountId, false);
        });
        const pending = ahead ?? this.aboutToSend(this.claimAndDispatch(now, accountId));
        ahead = null;
        const leased = await this.timings.timeAsync('claim', () => pending);
        const claim = leased ? this.stillSendable(leased) : null;
        const written: Written = { request: null };
        const sending = claim && leased ? this.send(claim, leased.claimedAt, written) : null;
        // The slot's own work (the held settle, the next claim: milliseconds of
        // synchronous SQLite) waits until the request is on the wire instead of holding
        // it back: undici writes on a kept-alive socket a turn after its last answer,
        // and on a new one only once it is connected (the drain's first requests).
        if (sending) await this.onTheWire(written.request);
        const previous = held;
        held = null;
        await this.settleHeld(previous, sending);
        if (sending) {
          // A sibling's answer that came in during the settle is read (and its next
          // request written) before this slot's claim ahead, which can wait: the
          // answer to this slot's request is a round trip away.
          await afterPendingIo();
          await this.siblingsWritten(sending);
          if (!this.stopped) {
            ahead = this.claimAndDispatch(this.o.now(), accountId);
            // Awaited at the next turn; until then a failed flush must not count as unhandled.
            ahead.catch(() => undefined);
          }
          held = await sending;
          continue;
        }
        if (leased) continue;
        if (await this.idle(now, deadline, accountId, forever)) return;
      }
    } finally {
      this.busySlots -= 1;
      try {
        held?.();
      } finally {
        if (ahead) await this.handBack(ahead);
      }
    }
  }

  /** Waits for this slot's request to be written, counted among the unwritten until it is. */
  private async onTheWire(request: Promise<void> | null): Promise<void> {
    if (request === null) return nextTurn();
    this.unwritten.add(request);
    try {
      await request;
    } finally {
      this.unwritten.delete(request);
    }
  }

  /** Counts a claim among the flushing until its flush is over, whatever its outcome. */
  private aboutToSend(claim: Promise<Leased | null>): Promise<Leased | null> {
    const flushed = claim.then(
      () => undefined,
      () => undefined,
    );
    this.flushing.add(flushed);
    void flushed.then(() => this.flushing.delete(flushed));
    return claim;
  }

  /**
   * A sibling's request about to be made or made but not yet written goes out
   * before this slot's claim ahead, milliseconds of synchronous SQLite: that
   * request's round trip starts now, and this slot's next one is a round trip
   * away. So this waits for a sibling's claim still being flushed (at a
   * drain's start, both slots claim and flush at once) and then has its
   * request made, but no longer than this slot's own answer takes (`own`):
   * the claim ahead is needed by then. A request made is waited for only as
   * long as a late write takes (undici writes on a kept-alive socket at the
   * check phase after it is made: two check phases); a sibling whose socket is
   * still connecting, perhaps to another account's slow or unreachable
   * provider, must not hold this slot's next request.
   */
  private async siblingsWritten(own: Promise<unknown>): Promise<void> {
    if (this.flushing.size > 0) {
      await Promise.race([Promise.all(this.flushing), own.then(noop, noop)]);
      await nextTurn();
    }
    if (this.unwritten.size > 0)
      await Promise.race([Promise.all(this.unwritten), afterPendingIo()]);
  }

  /**
   * Writes the outcomes of the slot's previous request, held back so that
   * the next request (`sending`, already written) did not wait for them; or
   * at once when nothing is being sent. Until they are written the rows stay
   * leased and dispatched, which is what a crash leaves to recovery (the
   * provider is asked, nothing is sent twice). If writing them fails, the
   * request in flight is still answered and settled (or left, dispatched, to
   * recovery) before the error goes up: it is never reported as not sent.
   */
  private async settleHeld(
    held: HeldSettle | null,
    sending: Promise<HeldSettle | null> | null,
  ): Promise<void> {
    try {
      held?.();
    } catch (error) {
      await sending?.then((next) => next?.()).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Nothing claimable: waits for the next due time, a wake, or a sibling
   * writing outcomes (see outcomesWritten). True when the drain is over.
   * Only the last slot to go idle makes the settles durable (a sibling's next
   * dispatch mark, or its own going idle, syncs those it writes meanwhile),
   * and only a slot about to sleep checkpoints: a checkpoint blocks the event
   * loop, so a busy sibling's answer would wait behind it, and a drain that
   * ends here leaves it to checkpointAfterDrain.
   */
  private async idle(
    now: number,
    deadline: number,
    accountId: number | null,
    forever: boolean,
  ): Promise<boolean> {
    const idleSince = performance.now();
    this.busySlots -= 1;
    try {
      const last = this.busySlots === 0;
      if (last) await this.syncSettled();
      const next = nextWakeAt(this.db, {
        now,
        accountId,
        owner: this.o.owner,
        offlineUntil: this.offlineUntil,
        unusable: [...this.unusable.keys()],
        probeAt: forever ? this.prober.nextAt() : null,
      });
      if ((next === null && !forever) || (next !== null && next > deadline)) return true;
      if (last && this.busySlots === 0) this.checkpointWhenIdle(now);
      await this.sleepers.sleep(Math.min((next ?? now + 5_000) - now, 1_000));
      return false;
    } finally {
      this.busySlots += 1;
      this.timings.add('idle', idleSince);
    }
  }

  /** Worker slots not waiting in idle(): those that may have a request out. */
  private busySlots = 0;

  /**
   * Rows were settled or handed back: some may be claimable now (a retry due
   * at once, a hand-back), and a sibling's last request may have ended the
   * drain. Idle slots look again at once instead of when their sleep ends.
   */
  private outcomesWritten(): void {
    this.unsyncedSettles = true;
    this.sleepers.wakeAll();
  }

  /**
   * Leases the next batch and marks it dispatched in one transaction, so a
   * request costs one fsync before it is written (the dispatch mark must be on
   * disk first: after a power cut it is what says "ask the provider"). The
   * fsync runs on the thread pool (commitWithoutWaiting), so the event loop
   * reads the other slots' answers meanwhile; this resolves once it is done.
   * Null when nothing can be claimed. If the flush fails, the batch goes back
   * to the queue unsent and the error is thrown.
   */
  private async claimAndDispatch(now: number, accountId: number | null): Promise<Leased | null> {
    const { value: claim, flush } = this.timings.time('claim', () =>
      commitWithoutWaiting(
        this.db,
        () =>
          claimBatch(this.db, {
            owner: this.o.owner,
            now,
            leaseMs: this.o.leaseMs,
            batchSize: this.o.batchSize,
            accountId,
            skipAccounts: this.skipped(now),
            dispatch: true,
          }),
        this.o.syncWal,
      ),
    );
    if (!claim) return null;
    try {
      await flush();
    } catch (error) {
      this.release(claim, claim.rows);
      throw error;
    }
    return { claim, claimedAt: now };
  }

  /**
   * A batch claimed while another request was in flight, just before its own
   * request: rows whose account or job was paused meanwhile (or whose account
   * this process now leaves alone: offline, no secret) go back to the queue
   * unsent, without using an attempt; rows cancelled meanwhile are dropped.
   * A batch that waited for more than half its request's time budget (the
   * request before it was slow) goes back too, rather than be sent with too
   * little time left. Null when nothing of it is left to send.
   */
  private stillSendable({ claim, claimedAt }: Leased): Claim | null {
    const now = this.o.now();
    const block = this.blockedSenders.get(senderKey(claim));
    if (block && block.at >= claimedAt) {
      const failed = claim.rows.map(
        (r): Outcome => ({
          id: r.id,
          kind: 'failed',
          failure: block.failure,
        }),
      );
      this.totals.failed += withDeferredSync(this.db, () =>
        settle(this.db, claim.token, failed, now),
      );
      this.outcomesWritten();
      return null;
    }
    const stale = now - claimedAt > this.requestBudgetMs / 2;
    const skipped = stale || this.skipped(now).includes(claim.accountId);
    const sendable = skipped ? new Set<number>() : sendableRowIds(this.db, claim.token);
    if (sendable.size === claim.rows.length) return claim;
    const leased = leasedRowIds(this.db, claim.token);
    this.release(
      claim,
      claim.rows.filter((r) => leased.has(r.id) && !sendable.has(r.id)),
    );
    const rows = claim.rows.filter((r) => sendable.has(r.id));
    return rows.length > 0 ? { ...claim, rows } : null;
  }

  private rememberBlockedSender(claim: Claim, failure: ProviderFailure): void {
    const now = this.o.now();
    for (const [key, entry] of this.blockedSenders)
      if (now - entry.at > this.requestBudgetMs) this.blockedSenders.delete(key);
    this.blockedSenders.set(senderKey(claim), { at: now, failure });
  }

  /** Rows of a claim whose request was never written: back to the queue, their attempt given back. */
  private release(claim: Claim, rows: readonly ClaimedRow[]): void {
    if (rows.length === 0) return;
    withDeferredSync(this.db, () =>
      handBackUnsent(
        this.db,
        claim.token,
        rows.map((r) => r.id),
        this.o.now(),
      ),
    );
    this.outcomesWritten();
  }

  /** The slot stops with a batch claimed ahead: its request was never written, so it goes back. */
  private async handBack(ahead: Promise<Leased | null>): Promise<void> {
    const leased = await ahead.catch(() => null);
    if (leased) this.release(leased.claim, leased.claim.rows);
  }

  /** Settles written without an fsync of their own (see apply) not yet made durable. */
  private unsyncedSettles = false;

  /**
   * Before waiting or returning: makes the settles since the last fsync
   * durable, since no dispatch mark may come to do it. They are in the WAL
   * already, so an fsync of it on the thread pool is enough; should it fail,
   * a checkpoint (which syncs the WAL too) is tried.
   */
  private async syncSettled(): Promise<void> {
    if (!this.unsyncedSettles) return;
    // Cleared first: settles written while the fsync runs set it again.
    this.unsyncedSettles = false;
    try {
      await flushWal(this.db, this.o.syncWal);
    } catch {
      if (!checkpointWal(this.db)) this.unsyncedSettles = true;
    }
  }

  private lastRecovery = Number.NEGATIVE_INFINITY;

  /**
   * Leases expire on a scale of seconds, so looking for them once a second is
   * enough; doing it before every claim would take the write lock twice as often.
   */
  private recoverWhenDue(now: number): void {
    if (now - this.lastRecovery < 1_000) return;
    this.lastRecovery = now;
    recoverExpiredLeases(this.db, now);
    expireOverdue(this.db, now);
    this.forgetReplacedSecrets();
  }

  /** An account given another secret reference (by another process, too) is tried again. */
  private forgetReplacedSecrets(): void {
    for (const [accountId, entry] of this.unusable) {
      if (secretRefOf(this.db, accountId) !== entry.secretRef) this.unusable.delete(accountId);
    }
  }

  private lastCheckpoint = 0;

  /**
   * A drain ends without a checkpoint (its settles are fsynced, see
   * syncSettled): the copy into the database file would be ~8 ms of the
   * event loop before drain() returns. It runs at the loop's next turn
   * instead, unless another drain or run has started meanwhile (whose own end
   * checkpoints), so a WAL shared with another process does not keep growing.
   */
  private checkpointAfterDrain(): void {
    setImmediate(() => {
      if (this.busySlots > 0 || !this.db.open) return;
      this.lastCheckpoint = this.o.now();
      checkpointWal(this.db);
    });
  }

  /** Keeps the shared WAL file from growing while another process reads (at most every 10 s). */
  private checkpointWhenIdle(now: number): void {
    if (now - this.lastCheckpoint < 10_000) return;
    this.lastCheckpoint = now;
    checkpointWal(this.db);
  }

  private skipped(now: number): number[] {
    const offline = [...this.offlineUntil].filter(([, until]) => until > now).map(([id]) => id);
    return [...offline, ...this.unusable.keys()];
  }

  /**
   * How long a request may run: its lease minus a margin, counted from the
   * claim. A request never outlives its lease, so a drainer that recovers the
   * lease (and reconciles) never finds this request still open.
   */
  get requestBudgetMs(): number {
    return this.o.leaseMs - Math.min(LEASE_MARGIN_MS, this.o.leaseMs / 4);
  }

  /** Sends one batch; answers its outcomes still to be written (see settleResult), or null. */
  private async send(
    claim: Claim,
    claimedAt: number,
    written: Written,
  ): Promise<HeldSettle | null> {
    const rows = claim.rows;
    if (rows.length === 0) return null;
    let result: SendResult;
    let httpSince = performance.now();
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(),
      Math.max(0, claimedAt + this.requestBudgetMs - this.o.now()),
    );
    try {
      const adapter = this.adapterFor(claim.accountId);
      // A provider that fills merge fields gets the template and each recipient's values;
      // one that cannot gets each recipient's finished text.
      const merges = adapter.capabilities.mergeFields;
      this.totals.requests += 1;
      httpSince = performance.now();
      result = await adapter.sendBatch(
        {
          from: claim.sender,
          text: claim.template,
          encoding: claim.encoding,
          maxParts: claim.maxParts,
          recipients: rows.map((r) =>
            merges
              ? { to: r.recipient, fields: r.fields, ref: rowRef(claim.requestName, r.id) }
              : { to: r.recipient, text: r.body },
          ),
          ...requestLabels(claim),
        },
        {
          signal: deadline.signal,
          whenWritten: (request) => {
            written.request = request;
          },
        },
      );
    } catch (error) {
      this.timings.add('http', httpSince);
      this.timings.time('settle', () => this.settleFailure(claim, rows, error));
      return null;
    } finally {
      clearTimeout(timer);
    }
    this.timings.add('http', httpSince);
    return this.settleResult(claim, rows, result);
  }

  /**
   * The outcomes of an answer. Those that change what another batch may do
   * (an account paused, a sender refused) are written at once, so the batch
   * claimed ahead is checked against them; the others are returned to be
   * written after the slot's next request (see work).
   */
  private settleResult(claim: Claim, rows: ClaimedRow[], result: SendResult): HeldSettle | null {
    const outcomes = rows.map((row, i) => this.outcomeFor(row, result, result.results[i]));
    this.offlineUntil.delete(claim.accountId);
    const write = () => this.timings.time('settle', () => this.applyResult(claim, outcomes));
    if (!outcomes.some(bindsOtherBatches)) return write;
    write();
    return null;
  }

  private applyResult(claim: Claim, outcomes: Outcome[]): void {
    this.pauseOnAccountFailure(claim.accountId, outcomes);
    this.apply(claim, outcomes);
    if (outcomes.some((o) => o.kind === 'accepted')) {
      const account = getAccount(this.db, claim.accountId);
      if (account.localAddress) rememberOkIp(this.db, claim.accountId, account.localAddress);
    }
  }

  private outcomeFor(
    row: ClaimedRow,
    batch: SendResult,
    result: RecipientResult | undefined,
  ): Outcome {
    if (!result) {
      return {
        id: row.id,
        kind: 'unknown',
        notBefore: this.o.now() + this.o.reconcileDelayMs,
        failure: {
          code: 'missing-result',
          httpStatus: null,
          kind: 'unknown-outcome',
          message: 'The provider answered without a result for this recipient.',
        },
      };
    }
    if (result.accepted) {
      return {
        id: row.id,
        kind: 'accepted',
        messageId: result.messageId,
        parts: result.parts,
        campaignId: batch.campaignId,
        sendingId: batch.sendingId,
      };
    }
    return this.outcomeForFailure(row, result.failure);
  }

  /** What one row's failure means for it; pure, so a request's rows can be mapped freely. */
  private outcomeForFailure(row: ClaimedRow, failure: ProviderFailure): Outcome {
    switch (failure.kind) {
      case 'permanent':
        return { id: row.id, kind: 'failed', failure };
      case 'unknown-outcome':
        return {
          id: row.id,
          kind: 'unknown',
          failure,
          notBefore: this.o.now() + this.o.reconcileDelayMs,
        };
      case 'account':
        return { id: row.id, kind: 'release', failure };
      case 'sender':
        // Only this sender is blocked: apply() fails its other due messages, once per request.
        return { id: row.id, kind: 'failed', failure };
      case 'transient':
        return { id: row.id, kind: 'retry', failure, notBefore: this.retryAt(row.id, failure) };
    }
  }

  private settleFailure(claim: Claim, rows: ClaimedRow[], error: unknown): void {
    if (error instanceof SecretUnavailableError) {
      this.unusable.set(claim.accountId, {
        reason: error.message,
        secretRef: secretRefOf(this.db, claim.accountId),
      });
      this.apply(
        claim,
        rows.map((r) => ({ id: r.id, kind: 'release', failure: null })),
      );
      return;
    }
    const failure: ProviderFailure = isProviderError(error)
      ? error.toFailure()
      : {
          code: 'internal',
          httpStatus: null,
          kind: 'unknown-outcome',
          message: `Sending stopped on an unexpected error (${error instanceof Error ? error.message : String(error)}).`,
        };
    if (failure.kind === 'transient' && failure.code === 'network') {
      // Nothing reached the provider: offline, so no attempt is used up.
      this.offlineUntil.set(claim.accountId, this.o.now() + this.o.offlineRetryMs);
      this.apply(
        claim,
        rows.map((r) => ({ id: r.id, kind: 'release', failure })),
      );
      return;
    }
    if (failure.kind === 'transient') {
      // One delay for the whole request keeps its recipients batched together.
      const notBefore = this.retryAt(rows[0]?.id ?? 0, failure);
      this.apply(
        claim,
        rows.map((r) => ({ id: r.id, kind: 'retry', failure, notBefore })),
      );
      return;
    }
    const outcomes = rows.map((r) => this.outcomeForFailure(r, failure));
    this.pauseOnAccountFailure(claim.accountId, outcomes);
    this.apply(claim, outcomes);
  }

  /** An account-level refusal (103, 111, 112, 115...) pauses the account once for the request, whatever its size. */
  private pauseOnAccountFailure(accountId: number, outcomes: readonly Outcome[]): void {
    const refusal = outcomes.find((o) => o.kind === 'release' && o.failure?.kind === 'account');
    if (refusal?.kind === 'release' && refusal.failure) this.pause(accountId, refusal.failure);
  }

  private retryAt(rowId: number, failure: ProviderFailure): number {
    const attempts = Number(
      prepareOnce(this.db, 'SELECT attempts FROM messages WHERE id = ?').pluck().get(rowId) ?? 1,
    );
    return (
      this.o.now() + retryDelayMs(attempts, failure.retryAfterMs, this.o.policy, this.o.random)
    );
  }

  private apply(claim: Claim, outcomes: Outcome[]): void {
    // Without an fsync of its own: the next dispatch mark's fsync (or the
    // checkpoint before going idle) makes it durable. A power cut before that
    // leaves the rows dispatched, and recovery asks the provider about them:
    // never sent twice, and an fsync per request saved.
    withDeferredSync(this.db, () => settle(this.db, claim.token, outcomes, this.o.now()));
    this.outcomesWritten();
    const blocked = outcomes.find((o) => o.kind === 'failed' && o.failure.kind === 'sender');
    if (blocked?.kind === 'failed') {
      this.rememberBlockedSender(claim, blocked.failure);
      this.totals.failed += failSenderQueue(
        this.db,
        claim.accountId,
        claim.sender,
        blocked.failure,
        this.o.now(),
      );
    }
    for (const o of outcomes) {
      if (o.kind === 'accepted') this.totals.accepted += 1;
      else if (o.kind === 'failed') this.totals.failed += 1;
      else if (o.kind === 'retry') this.totals.retried += 1;
      else if (o.kind === 'unknown') this.totals.unknown += 1;
      else this.totals.released += 1;
    }
  }

  private pause(accountId: number, failure: ProviderFailure): void {
    const account = getAccount(this.db, accountId);
    const reason = pauseReason(failure, account.localAddress);
    pauseAccount(this.db, accountId, String(failure.code), reason, this.o.now());
    this.prober.paused(accountId, this.o.now());
  }

  private async reconcile(accountId: number | null): Promise<void> {
    if (this.reconciling) return;
    this.reconciling = true;
    try {
      const report = await reconcileUnknown(this.db, this.adapterFor, {
        now: this.o.now(),
        retryMs: this.o.reconcileDelayMs,
        longestRequestMs: this.requestBudgetMs,
        accountId,
      });
      this.totals.confirmed += report.accepted;
      this.totals.resent += report.requeued;
    } finally {
      this.reconciling = false;
    }
  }
}

function noop(): void {}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Resolves after the event loop has polled for I/O once more. One
 * setImmediate is not enough from an I/O callback: it runs in the same loop
 * iteration, before the poll that would see data arrived meanwhile.
 */
function afterPendingIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** An outcome whose writing pauses the account or fails a sender's queue. */
function bindsOtherBatches(o: Outcome): boolean {
  return o.kind === 'release' || (o.kind === 'failed' && o.failure.kind === 'sender');
}

function senderKey(claim: Claim): string {
  return `${claim.accountId}\u0000${claim.sender}`;
}

/** Rows of a claim still leased to it and not held back (account paused, job not active). */
function sendableRowIds(db: Db, token: string): Set<number> {
  return new Set(
    prepareOnce(
      db,
      `SELECT id FROM messages WHERE lease_token = ? AND state = 'sending' AND ${notHeld('messages')}`,
    )
      .pluck()
      .all(token) as number[],
  );
}

/** Rows of a claim still leased to it, whatever holds them back. */
function leasedRowIds(db: Db, token: string): Set<number> {
  return new Set(
    prepareOnce(db, `SELECT id FROM messages WHERE lease_token = ? AND state = 'sending'`)
      .pluck()
      .all(token) as number[],
  );
}

function secretRefOf(db: Db, accountId: number): string | null {
  const ref = prepareOnce(db, 'SELECT secret_ref FROM accounts WHERE id = ?')
    .pluck()
    .get(accountId);
  return typeof ref === 'string' ? ref : null;
}
