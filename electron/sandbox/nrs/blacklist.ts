import { isoUtc } from '../clock';
import {
  isRecord,
  json,
  noContent,
  parseJsonBody,
  type SandboxReply,
  type SandboxRequest,
} from '../http-types';
import { nrsError } from './errors';
import type { BlacklistEntry, BlacklistType } from './model';
import { paginate } from './pagination';
import type { NrsStore } from './store';

/** Blacklist per channel, /api/rest/v2/blacklist/{sms|mailing|voice} (seed 003 lines 5123-5527). */
const TYPES: readonly BlacklistType[] = ['sms', 'mailing', 'voice'];

function typeOf(raw: string): BlacklistType | null {
  return TYPES.includes(raw as BlacklistType) ? (raw as BlacklistType) : null;
}

export function listBlacklist(store: NrsStore, req: SandboxRequest, rawType: string): SandboxReply {
  const type = typeOf(rawType);
  if (!type) return nrsError(404);
  const recipient = req.query.get('recipient');
  const sendingId = req.query.get('sendingId');
  const items = store.blacklist[type]
    .filter((e) => recipient === null || e.recipient === recipient)
    .filter((e) => sendingId === null || String(e.sendingId) === sendingId)
    .map((e) => ({ ...view(e), sendingId: e.sendingId }));
  return json(200, paginate(items, req.query, `${req.baseUrl}/api/rest/v2/blacklist/${type}`));
}

export function addToBlacklist(
  store: NrsStore,
  req: SandboxRequest,
  rawType: string,
): SandboxReply {
  const type = typeOf(rawType);
  if (!type) return nrsError(404);
  const recipient = recipientFrom(req.rawBody);
  if (typeof recipient !== 'string') return recipient;
  let entry = store.blacklist[type].find((e) => e.recipient === recipient);
  if (!entry) {
    entry = {
      type,
      recipient,
      isDefinitive: false,
      sendingId: null,
      campaignName: null,
      createdAt: store.ctx.clock.now(),
    };
    store.blacklist[type].push(entry);
  }
  return json(200, { data: view(entry) });
}

export function removeFromBlacklist(
  store: NrsStore,
  req: SandboxRequest,
  rawType: string,
): SandboxReply {
  const type = typeOf(rawType);
  if (!type) return nrsError(404);
  const recipient = recipientFrom(req.rawBody);
  if (typeof recipient !== 'string') return recipient;
  const list = store.blacklist[type];
  const index = list.findIndex((e) => e.recipient === recipient);
  if (index < 0) return nrsError(404);
  list.splice(index, 1);
  return noContent;
}

function view(e: BlacklistEntry) {
  return {
    type: e.type,
    recipient: e.recipient,
    isDefinitive: e.isDefinitive,
    campaignName: e.campaignName,
    createdAt: isoUtc(e.createdAt),
  };
}

function recipientFrom(raw: string): string | SandboxReply {
  const body = parseJsonBody(raw);
  if (!body.ok) return nrsError(125);
  const recipient = isRecord(body.value) ? body.value.recipient : undefined;
  if (typeof recipient !== 'string' || recipient.trim() === '') {
    return nrsError(422, 'The recipient field is required.');
  }
  return recipient.trim();
}
