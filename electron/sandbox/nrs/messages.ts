import { isoUtc } from '../clock';
import type { DeliveryTiming, FinalStatus } from '../context';

/** One accepted recipient of POST /api/rest/sms. */
export interface SmsRecord {
  id: string;
  from: string;
  to: string;
  /** The text after substitution, as the recipient gets it. */
  message: string;
  encoding: string;
  parts: number;
  campaignId: number;
  campaignName: string;
  sendingId: number;
  acceptedAt: number;
  scheduledAt: number | null;
  expiresAt: number | null;
  outcome: FinalStatus;
  customFields: Record<string, string>;
  contactId: number | null;
  /** Set when a scheduled message was deleted before it went out. */
  deletedAt: number | null;
  /** Set when a scheduled message was updated. */
  updatedAt: number | null;
}

/** Event names as the notifications and campaign counters use them (seed 003 line 8436). */
export type SmsEventType = 'sent' | 'delivered' | 'undelivered' | 'rejected' | 'expired';

export interface SmsEvent {
  type: SmsEventType;
  at: number;
}

export type SmsState = 'SCHEDULED' | 'ACCEPTD' | 'SENT' | FinalStatus | 'DELETED';

const FINAL_EVENT: Record<FinalStatus, SmsEventType> = {
  DELIVRD: 'delivered',
  UNDELIV: 'undelivered',
  EXPIRED: 'expired',
  REJECTD: 'rejected',
};

/**
 * The events a message has had by `now`. A rejected message is never `sent`; a
 * message whose expiration date comes before its hand-over expires instead.
 */
export function eventsAt(rec: SmsRecord, now: number, timing: DeliveryTiming): SmsEvent[] {
  if (rec.deletedAt !== null) return [];
  const start = rec.scheduledAt ?? rec.acceptedAt;
  const sentAt = start + timing.sentAfterMs;
  const finalAt = start + Math.max(timing.finalAfterMs, timing.sentAfterMs);
  const events: SmsEvent[] = [];
  if (rec.expiresAt !== null && rec.expiresAt < sentAt) {
    if (now >= rec.expiresAt) events.push({ type: 'expired', at: rec.expiresAt });
    return events;
  }
  if (rec.outcome === 'REJECTD') {
    if (now >= sentAt) events.push({ type: 'rejected', at: sentAt });
    return events;
  }
  if (now >= sentAt) events.push({ type: 'sent', at: sentAt });
  const expiresFirst = rec.expiresAt !== null && rec.expiresAt < finalAt;
  const final: SmsEvent = expiresFirst
    ? { type: 'expired', at: rec.expiresAt as number }
    : { type: FINAL_EVENT[rec.outcome], at: finalAt };
  if (now >= final.at) events.push(final);
  return events;
}

export function stateAt(rec: SmsRecord, now: number, timing: DeliveryTiming): SmsState {
  if (rec.deletedAt !== null) return 'DELETED';
  const last = eventsAt(rec, now, timing).at(-1);
  if (!last) return rec.scheduledAt !== null && now < rec.scheduledAt ? 'SCHEDULED' : 'ACCEPTD';
  const byEvent: Record<SmsEventType, SmsState> = {
    sent: 'SENT',
    delivered: 'DELIVRD',
    undelivered: 'UNDELIV',
    rejected: 'REJECTD',
    expired: 'EXPIRED',
  };
  return byEvent[last.type];
}

/** The body item of GET /api/rest/sms/<ID> (seed 003 line 494). */
export function smsStatusView(
  rec: SmsRecord,
  now: number,
  timing: DeliveryTiming,
  baseUrl: string,
) {
  const events = eventsAt(rec, now, timing);
  return {
    id: rec.id,
    from: rec.from,
    to: rec.to,
    message: rec.message,
    campaignId: rec.campaignId,
    sendingId: rec.sendingId,
    isDelivered: events.some((e) => e.type === 'delivered'),
    isClicked: false,
    events: events.map((e) => ({
      type: e.type,
      date: isoUtc(e.at),
      isMobile: false,
      browser: '',
      os: '',
    })),
    customFields: { phone: rec.to, ...rec.customFields },
    links: { self: `${baseUrl}/api/rest/sms/${encodeURIComponent(rec.id)}` },
  };
}
