import { fromMicros } from '../../../shared/cost/money';
import { isoUtc } from '../clock';
import { json, type SandboxReply, type SandboxRequest } from '../http-types';
import { parseIsoFilter } from './dates';
import { nrsError } from './errors';
import { eventsAt, type SmsEventType } from './messages';
import type { Campaign, Sending } from './model';
import { costMicros } from './price';
import type { NrsStore } from './store';

/** Every counter the seed shows (003 line 2944); SMS only ever moves the SMS ones. */
const EVENT_COUNTERS = [
  'delivered',
  'opened',
  'opened_unique',
  'clicked',
  'clicked_unique',
  'unsubscribed',
  'hard_bounced',
  'complaint',
  'sent',
  'soft_bounced',
  'undelivered',
  'rejected',
  'expired',
  'unsubscribed_landing',
] as const;

/** GET /api/rest/campaigns with `name` (`*` wildcard), `channel`, `beforeDate`, `afterDate`. */
export function listCampaigns(store: NrsStore, req: SandboxRequest): SandboxReply {
  const name = req.query.get('name');
  const pattern = name === null ? null : wildcard(name);
  const channel = req.query.get('channel');
  const before = parseIsoFilter(req.query.get('beforeDate'));
  const after = parseIsoFilter(req.query.get('afterDate'));
  const data = [...store.campaigns.values()]
    .filter((c) => pattern === null || pattern.test(c.name))
    .filter((c) => before === null || c.createdAt < before)
    .filter((c) => after === null || c.createdAt > after)
    .map((c) => campaignView(store, c, req.baseUrl));
  // Every campaign the sandbox holds is an SMS one.
  return json(200, { data: channel === null || channel === 'sms' ? data : [] });
}

/**
 * The `links` of the listing point at one campaign, its sendings and one sending;
 * the seed documents no body for them, so they answer `{data: ...}` with the same
 * objects the listing shows.
 */
export function showCampaign(store: NrsStore, req: SandboxRequest, id: string): SandboxReply {
  const c = store.campaigns.get(Number(id));
  return c ? json(200, { data: campaignView(store, c, req.baseUrl) }) : nrsError(404);
}

export function listCampaignSendings(
  store: NrsStore,
  req: SandboxRequest,
  id: string,
): SandboxReply {
  const c = store.campaigns.get(Number(id));
  if (!c) return nrsError(404);
  return json(200, { data: campaignView(store, c, req.baseUrl).sendings.data });
}

export function showSending(store: NrsStore, req: SandboxRequest, id: string): SandboxReply {
  const s = store.sendings.get(Number(id));
  return s ? json(200, { data: sendingView(store, s, req.baseUrl) }) : nrsError(404);
}

/** `*` matches any run of characters; everything else is literal and case-sensitive. */
export function wildcard(name: string): RegExp {
  const escaped = name.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

function campaignView(store: NrsStore, c: Campaign, baseUrl: string) {
  return {
    id: c.id,
    name: c.name,
    type: 'basic',
    createdAt: isoUtc(c.createdAt),
    updatedAt: isoUtc(c.updatedAt),
    links: {
      self: `${baseUrl}/api/rest/campaigns/${c.id}`,
      sendings: `${baseUrl}/api/rest/campaigns/${c.id}/sendings`,
    },
    sendings: {
      data: c.sendingIds.flatMap((id) => {
        const s = store.sendings.get(id);
        return s ? [sendingView(store, s, baseUrl)] : [];
      }),
    },
  };
}

/** One sending with its counters as of now. Cost is money (EUR): each part at its coverage price. */
export function sendingView(store: NrsStore, s: Sending, baseUrl: string) {
  const now = store.ctx.clock.now();
  const counters = Object.fromEntries(EVENT_COUNTERS.map((k) => [k, 0])) as Record<string, number>;
  let total = 0;
  let processed = 0;
  let parts = 0;
  let costMicrosTotal = 0;
  let startedAt: number | null = null;
  for (const rec of liveMessages(store, s)) {
    total += 1;
    parts += rec.parts;
    costMicrosTotal += costMicros(rec.to, rec.parts);
    const events = eventsAt(rec, now, store.ctx.delivery);
    if (events.length > 0) processed += 1;
    for (const e of events) {
      counters[e.type] = (counters[e.type] ?? 0) + 1;
      if (e.type === 'sent') startedAt = startedAt === null ? e.at : Math.min(startedAt, e.at);
    }
  }
  return {
    id: s.id,
    campaignName: s.campaignName,
    status: 'OPENED',
    channel: 'sms',
    total,
    processed,
    totalSmsParts: parts,
    cost: fromMicros(costMicrosTotal),
    currency: 'EUR',
    tags: s.tags,
    scheduledAt: null,
    expiresAt: null,
    startedAt: startedAt === null ? null : isoUtc(startedAt),
    finishedAt: null,
    createdAt: isoUtc(s.createdAt),
    updatedAt: isoUtc(s.updatedAt),
    events: counters as Record<SmsEventType | (typeof EVENT_COUNTERS)[number], number>,
    links: {
      self: `${baseUrl}/api/rest/sendings/${s.id}`,
      eventsReport: `${baseUrl}/api/rest/sendings/${s.id}/reports/events`,
    },
  };
}

export function* liveMessages(store: NrsStore, s: Sending) {
  for (const id of s.messageIds) {
    const rec = store.messages.get(id);
    if (rec && rec.deletedAt === null) yield rec;
  }
}
