import type { Campaign, SendingEvent } from '../../../../shared/domain/campaign';
import {
  type BatchReconciliation,
  type LostRequest,
  ROW_REF_FIELD,
} from '../../../../shared/domain/reconciliation';
import type { ScheduledMessage } from '../../../../shared/domain/scheduled';
import { toNrsNumber } from './send';

/**
 * Decides per recipient what became of a request whose answer was lost.
 * - The request's own tag is on no sending of its campaign: the provider
 *   never took the request (a request is tagged only when at least one
 *   recipient is accepted), so everyone is absent.
 * - Tagged: a recipient whose row reference appears in the events report
 *   (or among the pending scheduled messages, for a request with a future
 *   scheduleDate) was accepted. The others are undetermined — accepted
 *   messages show up in the report only once sent, and one refused in a 207
 *   never does — and are asked about again until the outbox's give-up time.
 */
export function reconcile(
  request: LostRequest,
  campaigns: Campaign[],
  events: SendingEvent[],
  scheduled: ScheduledMessage[] = [],
): BatchReconciliation {
  const sendings = campaigns
    .filter((c) => c.name === request.campaignName)
    .flatMap((c) => c.sendings)
    .filter((s) => request.requestTag === null || s.tags.includes(request.requestTag));
  if (sendings.length === 0) {
    return {
      campaignFound: false,
      acceptedCount: null,
      sendingIds: [],
      recipients: request.recipients.map((r) => ({
        to: r.to,
        ref: r.ref,
        state: 'absent',
        events: [],
      })),
    };
  }
  const byRef = new Map<string, string[]>();
  for (const e of events) {
    const ref = e.customFields[ROW_REF_FIELD];
    if (!ref) continue;
    byRef.set(ref, [...(byRef.get(ref) ?? []), e.event]);
  }
  const pending = pendingByRecipient(scheduled, request);
  return {
    campaignFound: true,
    acceptedCount: sendings.reduce((n, s) => n + s.total, 0),
    sendingIds: sendings.map((s) => s.id),
    recipients: request.recipients.map((r) => {
      const seen = byRef.get(r.ref);
      if (seen) return { to: r.to, ref: r.ref, state: 'accepted', events: seen };
      const waiting = pending.get(toNrsNumber(r.to))?.shift();
      if (waiting)
        return { to: r.to, ref: r.ref, state: 'accepted', events: [], messageId: waiting };
      return { to: r.to, ref: r.ref, state: 'undetermined', events: [] };
    }),
  };
}

/**
 * Pending scheduled messages for this request's time, by recipient, leaving
 * out those already matched to other outbox rows.
 */
function pendingByRecipient(
  scheduled: ScheduledMessage[],
  request: LostRequest,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (request.scheduledAt === null) return out;
  const at = Math.floor(Date.parse(request.scheduledAt) / 1000);
  const known = new Set(request.knownIds ?? []);
  for (const m of scheduled) {
    if (!m.content || known.has(m.guid)) continue;
    if (Math.floor(Date.parse(m.scheduledAt) / 1000) !== at) continue;
    const key = toNrsNumber(m.content.to);
    out.set(key, [...(out.get(key) ?? []), m.guid]);
  }
  return out;
}
