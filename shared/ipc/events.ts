import { z } from 'zod';
import type { EventMessage, EventName } from './event-names';

export {
  EVENT_NAMES,
  EVENTS_CHANNEL,
  type EventMessage,
  type EventName,
  isEventMessage,
  isEventName,
} from './event-names';

/**
 * Events pushed from the main process to the renderer, beside the request/reply
 * channels of `contract.ts`. Each carries enough for a store to update in place,
 * or is a "changed" hint after which the store fetches a fresh snapshot.
 * The core emits them where the change happens; progress events are throttled
 * there (at most about 10 a second), never in the renderer.
 */
const Id = z.number().int();

export const events = {
  /** The outbox's counts by state changed (a send queued, settled, retried, cancelled). */
  'outbox.changed': z.object({
    counts: z.record(z.string(), z.number().int()),
    /** Messages whose state changed since the previous event; empty means "refetch". */
    ids: z.array(Id).max(1000),
  }),
  /** An account's queue was paused (by the provider's answer or by a person) or resumed. */
  'account.paused': z.object({
    accountId: Id,
    code: z.union([z.number(), z.string()]),
    reason: z.string(),
    byPerson: z.boolean(),
  }),
  'account.resumed': z.object({ accountId: Id }),
  /** Accounts were added, removed or edited. */
  'accounts.changed': z.object({}),
  /** A bulk job's progress (throttled) or a change of its state. */
  'job.progress': z.object({
    jobId: Id,
    state: z.string(),
    total: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
  }),
  /**
   * The CSV wizard's work in main (throttled): reading and checking the file
   * (`analyzing`) or queueing it as a job (`queueing`), under the caller's run id.
   */
  'bulk.progress': z.object({
    runId: z.string(),
    phase: z.enum(['analyzing', 'queueing']),
    bytesRead: z.number().int(),
    totalBytes: z.number().int(),
    rows: z.number().int(),
  }),
  /**
   * A contacts import in main (throttled): reading and checking the file
   * (`checking`, in bytes) or writing the contacts (`importing`, in contacts).
   */
  'contactsImport.progress': z.object({
    runId: z.string(),
    phase: z.enum(['checking', 'importing']),
    done: z.number().int(),
    total: z.number().int(),
  }),
  /** A bulk job reached a final state (all settled, or cancelled). */
  'job.finished': z.object({
    jobId: Id,
    name: z.string(),
    counts: z.record(z.string(), z.number().int()),
  }),
  /** Delivery reports arrived for these messages. */
  'delivery.updated': z.object({ ids: z.array(Id).max(1000) }),
  /** Contacts changed locally or by a sync; `accountId` null means any account. */
  'contacts.changed': z.object({ accountId: Id.nullable() }),
  /** A contact sync started, progressed or ended for an account. */
  'sync.state': z.object({
    accountId: Id,
    phase: z.enum(['started', 'progress', 'finished', 'failed']),
    done: z.number().int().optional(),
    total: z.number().int().optional(),
    error: z.string().optional(),
  }),
  /** A message arrived from a contact (SMS reply or WhatsApp). */
  'inbound.message': z.object({
    accountId: Id,
    channel: z.enum(['sms', 'whatsapp']),
    from: z.string(),
    preview: z.string(),
    conversationId: z.string(),
  }),
  /** Messages failed for good (after their retries or with a permanent error). */
  'messages.failed': z.object({ accountId: Id, count: z.number().int() }),
  /**
   * The shell asks the app to show a view: a menu item (New message, Bulk send…,
   * Import contacts…, Outbox, Settings) or a clicked notification.
   */
  'app.navigate': z.object({
    view: z.enum(['compose', 'bulk', 'import', 'outbox', 'settings', 'conversations', 'jobs']),
    jobId: Id.optional(),
    accountId: Id.optional(),
    conversationId: z.string().optional(),
  }),
  /** The person's preferences changed (the shell follows the language for its menu and tray). */
  'settings.changed': z.object({ language: z.enum(['en', 'es']).nullable() }),
  /** The suppression list changed (an opt-out received, a person's add or remove). */
  'suppressions.changed': z.object({}),
  /** A WhatsApp message written here changed state (saved, sent, failed, dropped), or a thread was read. */
  'conversations.changed': z.object({ threadKey: z.string() }),
} as const satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** How the renderer subscribes: `window.outpost.on(name, listener)` returns the unsubscribe. */
export type Subscribe = <E extends EventName>(name: E, listener: EventListener<E>) => () => void;

/**
 * The event as it may leave main (to a window, to the web bridge's socket):
 * its payload as its schema parses it, or undefined when it does not match,
 * so the renderer never sees a payload the contract does not describe.
 */
export function checkedEvent(name: EventName, payload: unknown): EventMessage | undefined {
  const parsed = events[name].safeParse(payload);
  return parsed.success ? { name, payload: parsed.data } : undefined;
}
