/**
 * The names of the events main pushes to the renderer, and how one travels,
 * without their schemas: what a client (the preload, the web bridge) needs.
 * The payload schemas are in `events.ts`; main checks every payload against
 * them before it leaves (`checkedEvent`), so a client hands it on as it came.
 * `events` must have exactly these keys (checked there with `satisfies`).
 */
export const EVENT_NAMES = [
  'outbox.changed',
  'account.paused',
  'account.resumed',
  'accounts.changed',
  'job.progress',
  'bulk.progress',
  'contactsImport.progress',
  'job.finished',
  'delivery.updated',
  'contacts.changed',
  'sync.state',
  'inbound.message',
  'messages.failed',
  'app.navigate',
  'settings.changed',
  'suppressions.changed',
  'conversations.changed',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

const known: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isEventName(name: string): name is EventName {
  return known.has(name);
}

/** The one Electron IPC channel that carries every event as `{ name, payload }`. */
export const EVENTS_CHANNEL = 'outpost:event';

/** One event as it travels over a transport (Electron IPC, the web bridge's WebSocket). */
export interface EventMessage {
  name: string;
  payload: unknown;
}

export function isEventMessage(value: unknown): value is EventMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    'payload' in value
  );
}
