import type { DeliveryStatus, MessageStatus } from '../../../../shared/domain/status';
import { isFinalDeliveryStatus } from '../../../../shared/domain/status';
import type { SmsStatus } from '../../../../shared/providers/nrs/sms';

/**
 * Event names of GET /api/rest/sms/<ID> (seed 003 line 505 shows sent and
 * delivered; the rest are the event-notification names, line 8436) and, in
 * case a server reports them as events, the DLR statuses of line 380.
 */
const EVENT_STATUS: Record<string, DeliveryStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  undelivered: 'undelivered',
  rejected: 'rejected',
  expired: 'expired',
  acceptd: 'accepted',
  delivrd: 'delivered',
  undeliv: 'undelivered',
  rejectd: 'rejected',
  deleted: 'undelivered',
};

/** Ranks so a later, more final event wins even when dates tie. */
const RANK: Record<DeliveryStatus, number> = {
  unknown: 0,
  accepted: 1,
  sent: 2,
  delivered: 3,
  undelivered: 3,
  rejected: 3,
  expired: 3,
};

export function deliveryStatusOf(s: SmsStatus): DeliveryStatus {
  let best: DeliveryStatus = 'accepted';
  let bestDate = '';
  for (const e of s.events) {
    const st = EVENT_STATUS[e.type.toLowerCase()];
    if (!st) continue; // clicks and the like say nothing about delivery
    const date = Date.parse(e.date);
    const key = Number.isNaN(date) ? '' : new Date(date).toISOString();
    if (RANK[st] > RANK[best] || (RANK[st] === RANK[best] && key >= bestDate)) {
      best = st;
      bestDate = key;
    }
  }
  // `isDelivered` is authoritative for delivery even if no event says so.
  if (s.isDelivered && !isFinalDeliveryStatus(best)) best = 'delivered';
  return best;
}

export function mapStatus(s: SmsStatus): MessageStatus {
  const status = deliveryStatusOf(s);
  return {
    messageId: s.id,
    from: s.from,
    to: s.to,
    text: s.message,
    status,
    final: isFinalDeliveryStatus(status),
    events: s.events.map((e) => ({ type: e.type.toLowerCase(), at: e.date })),
    campaignId: s.campaignId ? String(s.campaignId) : null,
    sendingId: s.sendingId ? String(s.sendingId) : null,
  };
}
