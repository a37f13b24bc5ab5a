import type { EventName, EventPayload } from '../../../shared/ipc/events';
import type { Db } from '../db/connection';

/**
 * What the places where things change call. Changes to many rows (the outbox,
 * bulk jobs, deliveries, sync progress) are coalesced and throttled behind
 * these methods; the rest go out at once through `emit`.
 */
export interface EventSink {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Messages changed state; 'all' when too many to name (cancel a queue, a job). */
  outboxChanged(ids: readonly number[] | 'all'): void;
  /** Delivery reports were stored for these messages. */
  deliveryUpdated(ids: readonly number[]): void;
  /** A bulk job's rows or state changed (its counts are read when the event goes out). */
  jobChanged(jobId: number): void;
  /** Contact sync progress (throttled; 'started' / 'finished' / 'failed' go through `emit`). */
  syncProgress(accountId: number, done: number, total?: number): void;
  /** Contacts changed locally or by a sync (coalesced per account). */
  contactsChanged(accountId: number | null): void;
  /** The suppression list changed (coalesced: a blacklist import adds thousands). */
  suppressionsChanged(): void;
  /** A message came in (coalesced per conversation: the latest one is announced). */
  inbound(message: EventPayload<'inbound.message'>): void;
}

const quiet: EventSink = {
  emit: () => {},
  outboxChanged: () => {},
  deliveryUpdated: () => {},
  jobChanged: () => {},
  syncProgress: () => {},
  contactsChanged: () => {},
  suppressionsChanged: () => {},
  inbound: () => {},
};

/**
 * The core's functions take a connection, not a context, and are shared with
 * the CLI. Keying the sink by connection lets each place emit with one line
 * (`eventsOf(db).outboxChanged(ids)`) without every signature growing a bus
 * parameter; a WeakMap lets a closed connection take its sink with it.
 */
const sinks = new WeakMap<Db, EventSink>();

export function attachEvents(db: Db, sink: EventSink): void {
  sinks.set(db, sink);
}

export function detachEvents(db: Db): void {
  sinks.delete(db);
}

export function eventsOf(db: Db): EventSink {
  return sinks.get(db) ?? quiet;
}
