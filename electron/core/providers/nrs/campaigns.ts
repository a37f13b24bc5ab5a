import Papa from 'papaparse';
import type { Campaign, Sending, SendingEvent } from '../../../../shared/domain/campaign';
import type { NrsCampaign, NrsSending } from '../../../../shared/providers/nrs/campaigns';
import { SENDING_EVENTS_CSV_COLUMNS } from '../../../../shared/providers/nrs/campaigns';

function mapSending(s: NrsSending): Sending {
  return {
    id: String(s.id),
    campaignName: s.campaignName,
    status: s.status,
    channel: s.channel,
    total: s.total,
    processed: s.processed,
    parts: s.totalSmsParts ?? null,
    cost: s.cost,
    currency: s.currency,
    tags: s.tags,
    scheduledAt: s.scheduledAt,
    createdAt: s.createdAt,
    counts: {
      sent: s.events.sent,
      delivered: s.events.delivered,
      undelivered: s.events.undelivered,
      rejected: s.events.rejected,
      expired: s.events.expired,
      clicked: s.events.clicked,
      unsubscribed: s.events.unsubscribed,
    },
  };
}

export function mapCampaign(c: NrsCampaign): Campaign {
  return {
    id: String(c.id),
    name: c.name,
    type: c.type,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    sendings: c.sendings.data.map(mapSending),
  };
}

const KNOWN = new Set<string>(SENDING_EVENTS_CSV_COLUMNS);
const REQUIRED = ['campaignName', 'campaignId', 'sendingId', 'event', 'phone', 'createdAt'];

const orNull = (v: string | undefined) => (v === undefined || v === '' ? null : v);

/**
 * Parses the events report (seed 003 line 8574): text/csv with a header line.
 * Columns are found by name, so extra custom-field columns (`showCustomFields=1`)
 * and the voice layout both work. Returns null when a required column is missing.
 */
export function parseSendingEventsCsv(csv: string): SendingEvent[] | null {
  const text = csv.replace(/^\uFEFF/, '');
  if (text.trim() === '') return [];
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!REQUIRED.every((c) => fields.includes(c))) return null;
  return parsed.data.map((row) => {
    const customFields: Record<string, string> = {};
    for (const f of fields) {
      if (!KNOWN.has(f) && f !== 'callDurationSeconds' && row[f] !== undefined)
        customFields[f] = row[f];
    }
    return {
      campaignName: row.campaignName ?? '',
      campaignId: row.campaignId ?? '',
      sendingId: row.sendingId ?? '',
      contactId: orNull(row.contactId),
      event: (row.event ?? '').toLowerCase(),
      phone: orNull(row.phone),
      email: orNull(row.email),
      countryIso: orNull(row.countryIso),
      url: orNull(row.url),
      createdAt: row.createdAt ?? '',
      customFields,
    };
  });
}
