import type { EventName, EventPayload } from '../../../shared/ipc/events';
import type { Db } from '../db/connection';
import { EventBus } from './bus';
import { type OutboxChanges, readOutboxEvents } from './outbox-snapshot';
import type { EventSink } from './sink';
import { KeyedThrottle } from './throttle';

/** About ten events a second at most per kind, whatever the rate of change. */
export const EVENT_INTERVAL_MS = 100;
/** Ids beyond this are not listed: the listener refetches instead. */
const MAX_IDS = 1000;

type Hint = {
  [E in 'contacts.changed' | 'suppressions.changed' | 'inbound.message']: {
    name: E;
    payload: EventPayload<E>;
  };
}['contacts.changed' | 'suppressions.changed' | 'inbound.message'];

function mergeChanges(previous: OutboxChanges | undefined, next: OutboxChanges): OutboxChanges {
  if (!previous) return next;
  for (const id of next.changed) previous.changed.add(id);
  for (const id of next.delivered) previous.delivered.add(id);
  for (const id of next.jobs) previous.jobs.add(id);
  previous.refetch ||= next.refetch;
  return previous;
}

/**
 * The CoreContext's events: one bus, plus the throttles that turn bursts of
 * row changes into a few snapshots (counts read from the database when the
 * event goes out, after the change's transaction committed).
 */
export class CoreEvents implements EventSink {
  readonly bus: EventBus;
  private readonly outbox: KeyedThrottle<'outbox', OutboxChanges>;
  private readonly sync: KeyedThrottle<number, { done: number; total?: number }>;
  /** "Changed" hints and inbound messages, coalesced by what they are about. */
  private readonly hints: KeyedThrottle<string, Hint>;

  constructor(
    private readonly db: () => Db,
    options: { bus?: EventBus; intervalMs?: number; now?: () => number } = {},
  ) {
    this.bus = options.bus ?? new EventBus();
    const interval = options.intervalMs ?? EVENT_INTERVAL_MS;
    this.outbox = new KeyedThrottle(
      interval,
      mergeChanges,
      (_key, changes) => this.flushOutbox(changes),
      options.now,
    );
    this.sync = new KeyedThrottle(
      interval,
      (_previous, next) => next,
      (accountId, p) => this.emit('sync.state', { accountId, phase: 'progress', ...p }),
      options.now,
    );
    this.hints = new KeyedThrottle(
      interval,
      (_previous, next) => next,
      (_key, hint) => this.bus.emit(hint.name, hint.payload as never),
      options.now,
    );
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    // A sync that ended must not be followed by a stale "progress" still waiting in the throttle.
    if (name === 'sync.state') this.sync.drop((payload as EventPayload<'sync.state'>).accountId);
    this.bus.emit(name, payload);
  }

  outboxChanged(ids: readonly number[] | 'all'): void {
    this.outbox.push('outbox', {
      changed: new Set(ids === 'all' ? [] : ids),
      delivered: new Set(),
      jobs: new Set(),
      refetch: ids === 'all',
    });
  }

  deliveryUpdated(ids: readonly number[]): void {
    if (ids.length === 0) return;
    this.outbox.push('outbox', {
      changed: new Set(ids),
      delivered: new Set(ids),
      jobs: new Set(),
      refetch: false,
    });
  }

  jobChanged(jobId: number): void {
    this.outbox.push('outbox', {
      changed: new Set(),
      delivered: new Set(),
      jobs: new Set([jobId]),
      refetch: true,
    });
  }

  syncProgress(accountId: number, done: number, total?: number): void {
    this.sync.push(accountId, total === undefined ? { done } : { done, total });
  }

  contactsChanged(accountId: number | null): void {
    this.hints.push(`contacts:${accountId}`, { name: 'contacts.changed', payload: { accountId } });
  }

  suppressionsChanged(): void {
    this.hints.push('suppressions', { name: 'suppressions.changed', payload: {} });
  }

  inbound(message: EventPayload<'inbound.message'>): void {
    this.hints.push(`inbound:${message.accountId}:${message.conversationId}`, {
      name: 'inbound.message',
      payload: message,
    });
  }

  /** True when no event is waiting and no timer is scheduled. */
  get idle(): boolean {
    return this.outbox.idle && this.sync.idle && this.hints.idle;
  }

  dispose(): void {
    this.outbox.dispose();
    this.sync.dispose();
    this.hints.dispose();
    this.bus.clear();
  }

  private flushOutbox(changes: OutboxChanges): void {
    let snapshot: ReturnType<typeof readOutboxEvents>;
    try {
      snapshot = readOutboxEvents(this.db(), changes);
    } catch (error) {
      // The database closed under a late timer: there is no one left to tell.
      console.error('Outbox events could not be read:', error);
      return;
    }
    const ids = changes.refetch || changes.changed.size > MAX_IDS ? [] : [...changes.changed];
    this.bus.emit('outbox.changed', { counts: snapshot.counts, ids });
    if (changes.delivered.size > 0) {
      const delivered = [...changes.delivered];
      for (let i = 0; i < delivered.length; i += MAX_IDS)
        this.bus.emit('delivery.updated', { ids: delivered.slice(i, i + MAX_IDS) });
    }
    for (const failed of snapshot.failed) this.bus.emit('messages.failed', failed);
    for (const job of snapshot.jobs) {
      this.bus.emit('job.progress', {
        jobId: job.jobId,
        state: job.state,
        total: job.total,
        counts: job.counts,
      });
      if (job.finished)
        this.bus.emit('job.finished', { jobId: job.jobId, name: job.name, counts: job.counts });
    }
  }
}
