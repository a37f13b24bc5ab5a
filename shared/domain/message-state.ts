/** The states a message row has in the outbox's database. */
export const MESSAGE_STATES = [
  'queued',
  'sending',
  'accepted',
  'delivered',
  'failed',
  'unknown',
  'cancelled',
] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/**
 * The states a person sees. Three refine a stored state rather than being
 * stored themselves, so the sending rules (claims, leases, polling) keep the
 * seven above:
 * - `scheduled`: queued, waiting on this computer for its time (local schedule);
 * - `scheduled-at-provider`: accepted by the provider with a scheduleDate still
 *   ahead; it goes out at its time even if this computer is off;
 * - `expired`: its validity ended before the phone could be reached (the
 *   provider's EXPIRED, or still unsent here at its end) — not a failure of the send.
 * `outbox status` counts and `outbox list --state` use these names.
 */
export const DISPLAY_STATES = [
  'queued',
  'scheduled',
  'sending',
  'scheduled-at-provider',
  'accepted',
  'delivered',
  'failed',
  'expired',
  'unknown',
  'cancelled',
] as const;
export type DisplayState = (typeof DISPLAY_STATES)[number];

export type ScheduleMode = 'provider' | 'local';

/** The error code a row carries when its validity ended (the provider's DLR code). */
export const EXPIRED_CODE = 'EXPIRED';

export interface StateFacts {
  state: MessageState;
  errorCode: string | null;
  scheduledFor: number | null;
  scheduleMode: ScheduleMode | null;
}

export function displayState(row: StateFacts, now: number): DisplayState {
  const ahead = row.scheduledFor !== null && row.scheduledFor > now;
  if (row.state === 'queued' && ahead) return 'scheduled';
  if (row.state === 'accepted' && ahead && row.scheduleMode === 'provider')
    return 'scheduled-at-provider';
  if (row.state === 'failed' && row.errorCode === EXPIRED_CODE) return 'expired';
  return row.state;
}

/** What a person is told about where a scheduled send waits (CLI, IPC reply, UI). */
export function scheduleSentence(mode: ScheduleMode, at: number): string {
  const when = new Date(at).toISOString().replace('.000Z', 'Z');
  return mode === 'provider'
    ? `Scheduled at the provider for ${when}: handed over as soon as Outpost sends and the network allows, it then goes out at that time even if this computer is off.`
    : `Scheduled on this computer for ${when}: this provider cannot hold scheduled messages, so this computer must be on, online and running Outpost at that time (if it is not, it goes out as soon as it is, marked late).`;
}
