import type { Campaign, SendingEvent } from '../../../../shared/domain/campaign';
import type { BatchReconciliation } from '../../../../shared/domain/reconciliation';
import { toNrsNumber } from './send';

/**
 * Decides per recipient from the campaign (exact name) and its sendings'
 * events reports. The report lists a message only once it has an event
 * (sent, delivered...), while the sending's `total` counts every accepted
 * message at once; so a recipient is `accepted` when the report shows it,
 * and the others are `absent` only when the report already accounts for the
 * whole `total` — until then they are `undetermined`. When the sendings'
 * `total` covers every recipient of the batch, all of them were accepted,
 * whatever the report shows yet.
 */
export function reconcile(
  campaignName: string,
  recipients: readonly string[],
  campaigns: Campaign[],
  events: SendingEvent[],
): BatchReconciliation {
  const matching = campaigns.filter((c) => c.name === campaignName);
  if (matching.length === 0) {
    return {
      campaignFound: false,
      acceptedCount: null,
      sendingIds: [],
      recipients: recipients.map((to) => ({ to, state: 'absent', events: [] })),
    };
  }
  const sendings = matching.flatMap((c) => c.sendings);
  const total = sendings.reduce((n, s) => n + s.total, 0);
  const seen = new Map<string, string[]>();
  for (const e of events) {
    if (!e.phone) continue;
    const key = toNrsNumber(e.phone);
    const list = seen.get(key);
    if (list) list.push(e.event);
    else seen.set(key, [e.event]);
  }
  const wanted = new Set(recipients.map(toNrsNumber));
  const shown = [...seen.keys()].filter((p) => wanted.has(p)).length;
  const everyoneTaken = total >= wanted.size;
  const restState = everyoneTaken ? 'accepted' : shown >= total ? 'absent' : 'undetermined';
  return {
    campaignFound: true,
    acceptedCount: total,
    sendingIds: sendings.map((s) => s.id),
    recipients: recipients.map((to) => {
      const ev = seen.get(toNrsNumber(to));
      return ev ? { to, state: 'accepted', events: ev } : { to, state: restState, events: [] };
    }),
  };
}
