import {
  isRecord,
  json,
  parseJsonBody,
  type SandboxReply,
  type SandboxRequest,
} from '../http-types';
import { parseNrsDate, spaceDate } from './dates';
import { nrsError } from './errors';
import type { SmsRecord } from './messages';
import { costMicros } from './price';
import type { NrsStore } from './store';

/**
 * Scheduled messages (seed 003 lines 2379-2815). A message is scheduled while its
 * scheduleDate is in the future; `guid` is the message id. Parameters are read from
 * the query string of a GET and from the JSON body of any method (the seed lists
 * them without saying where a GET carries them).
 */
interface Selection {
  guids: string[] | null;
  type: string | null;
  sendingId: number | null;
}

export function listScheduled(store: NrsStore, req: SandboxRequest): SandboxReply {
  const sel = selection(req);
  if ('error' in sel) return sel.error;
  const found = pending(store, sel);
  if ('error' in found) return found.error;
  if (sel.guids?.length === 1 && found.list[0]) {
    const rec = found.list[0];
    return json(200, {
      result: {
        ...summary(rec),
        content: {
          to: rec.to,
          from: rec.from,
          encoding: rec.encoding,
          message: rec.message,
          campaignId: rec.campaignId,
          sendingId: rec.sendingId,
        },
      },
      total: 1,
    });
  }
  return json(200, { result: found.list.map(summary), total: found.list.length });
}

export function updateScheduled(store: NrsStore, req: SandboxRequest): SandboxReply {
  const sel = selection(req);
  if ('error' in sel) return sel.error;
  const body = parseJsonBody(req.rawBody);
  const date = body.ok && isRecord(body.value) ? parseNrsDate(body.value.scheduleDate) : null;
  const now = store.ctx.clock.now();
  if (date === null) return nrsError(121);
  const found = pending(store, sel);
  if ('error' in found) return found.error;
  for (const rec of found.list) {
    // A date already past (the seed's own example is 2017) sends the message now.
    rec.scheduledAt = Math.max(date, now);
    rec.updatedAt = now;
  }
  return json(200, { result: true, updated: found.list.length });
}

/** Deleting gives back what the deleted parts cost. */
export function deleteScheduled(store: NrsStore, req: SandboxRequest): SandboxReply {
  const sel = selection(req);
  if ('error' in sel) return sel.error;
  const found = pending(store, sel);
  if ('error' in found) return found.error;
  const now = store.ctx.clock.now();
  for (const rec of found.list) {
    rec.deletedAt = now;
    store.ctx.wallet.refund(costMicros(rec.to, rec.parts));
  }
  return json(200, { result: true, deleted: found.list.length });
}

function summary(rec: SmsRecord) {
  return {
    guid: rec.id,
    type: 'SMS',
    sending_id: rec.sendingId,
    created_at: spaceDate(rec.acceptedAt),
    updated_at: spaceDate(rec.updatedAt ?? rec.acceptedAt),
    scheduled_at: spaceDate(rec.scheduledAt ?? rec.acceptedAt),
  };
}

function pending(store: NrsStore, sel: Selection): { list: SmsRecord[] } | { error: SandboxReply } {
  const now = store.ctx.clock.now();
  if (sel.type !== null && sel.type.toUpperCase() === 'MAILING') return { list: [] };
  const isPending = (r: SmsRecord) =>
    r.deletedAt === null && r.scheduledAt !== null && r.scheduledAt > now;
  if (sel.guids !== null) {
    const list: SmsRecord[] = [];
    for (const guid of sel.guids) {
      const rec = store.messages.get(guid);
      if (!rec || !isPending(rec)) return { error: nrsError(120) };
      list.push(rec);
    }
    return { list };
  }
  const list = [...store.messages.values()]
    .filter(isPending)
    .filter((r) => sel.sendingId === null || r.sendingId === sel.sendingId);
  return { list };
}

function selection(req: SandboxRequest): Selection | { error: SandboxReply } {
  const body = parseJsonBody(req.rawBody);
  if (!body.ok) return { error: nrsError(125) };
  const b = isRecord(body.value) ? body.value : {};
  const queryGuids = [...req.query.getAll('guid'), ...req.query.getAll('guid[]')].flatMap((g) =>
    g.split(','),
  );
  const rawGuids = b.guid ?? (queryGuids.length > 0 ? queryGuids : undefined);
  let guids: string[] | null = null;
  if (rawGuids !== undefined && rawGuids !== null) {
    const list = Array.isArray(rawGuids) ? rawGuids : [rawGuids];
    if (!list.every((g) => typeof g === 'string' || typeof g === 'number'))
      return { error: nrsError(120) };
    guids = list.map((g) => String(g).trim()).filter((g) => g !== '');
  }
  const type = typeof b.type === 'string' ? b.type : req.query.get('type');
  const rawSending = b.sendingId ?? req.query.get('sendingId');
  const sendingId = rawSending === null || rawSending === undefined ? null : Number(rawSending);
  return { guids, type, sendingId: Number.isFinite(sendingId) ? sendingId : null };
}
