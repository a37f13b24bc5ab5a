import { SENDING_EVENTS_CSV_COLUMNS as COLUMNS } from '../../../shared/providers/nrs/campaigns';
import { isoUtc } from '../clock';
import type { SandboxReply, SandboxRequest } from '../http-types';
import { liveMessages } from './campaigns';
import { parseIsoFilter } from './dates';
import { nrsError } from './errors';
import { eventsAt } from './messages';
import type { NrsStore } from './store';

/**
 * GET /api/rest/sendings/<sendingId>/reports/events: one CSV row per event so far,
 * oldest first, filtered by `afterDate` / `beforeDate`. `showCustomFields=1` adds one
 * column per substitution variable used in the sending.
 */
export function eventsReport(
  store: NrsStore,
  req: SandboxRequest,
  sendingId: string,
): SandboxReply {
  const sending = store.sendings.get(Number(sendingId));
  if (!sending || !/^\d+$/.test(sendingId)) return nrsError(404);
  const now = store.ctx.clock.now();
  const after = parseIsoFilter(req.query.get('afterDate'));
  const before = parseIsoFilter(req.query.get('beforeDate'));
  const messages = [...liveMessages(store, sending)];
  const extra =
    req.query.get('showCustomFields') === '1'
      ? [...new Set(messages.flatMap((m) => Object.keys(m.customFields)))].sort()
      : [];
  const rows: { at: number; cells: string[] }[] = [];
  for (const rec of messages) {
    const contact = rec.contactId === null ? undefined : store.contacts.get(rec.contactId);
    for (const e of eventsAt(rec, now, store.ctx.delivery)) {
      if ((after !== null && e.at < after) || (before !== null && e.at > before)) continue;
      const cells = [
        sending.campaignName,
        String(sending.campaignId),
        String(sending.id),
        rec.contactId === null ? '' : String(rec.contactId),
        e.type,
        rec.to,
        contact?.email ?? '',
        contact?.landline ?? '',
        contact?.countryIso ?? '',
        '',
        '',
        '',
        isoUtc(e.at),
        ...extra.map((k) => rec.customFields[k] ?? ''),
      ];
      rows.push({ at: e.at, cells });
    }
  }
  rows.sort((a, b) => a.at - b.at);
  const lines = [[...COLUMNS, ...extra], ...rows.map((r) => r.cells)].map((cells) =>
    cells.map(csvCell).join(','),
  );
  return { status: 200, contentType: 'text/csv; charset=utf-8', body: `${lines.join('\n')}\n` };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
