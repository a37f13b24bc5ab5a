import { isoUtc } from '../clock';
import {
  isRecord,
  json,
  parseJsonBody,
  type SandboxReply,
  type SandboxRequest,
} from '../http-types';
import type { Rng } from '../prng';
import { nrsError, nrsErrorDetail } from './errors';
import type { Conversation, WaMessage } from './model';
import { paginate } from './pagination';
import { validRecipient } from './send-checks';
import type { NrsStore } from './store';

/**
 * WhatsApp templates and conversations (seed 003 lines 1559-2378). A conversation is
 * (business sender `from`, person `to`). Its session is active for 24 h after the
 * person's last message (line 2365). Replies "arrive" by being stored with a future
 * `sentAt` and shown once the clock passes it. Not charged in credits.
 */
const SESSION_MS = 24 * 60 * 60 * 1000;
const REPLIES = ['Thanks!', 'OK, see you then', 'Can you call me?', 'Yes please', 'STOP'];

export function uuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[rng.int(0, 3)] as string;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function visible(c: Conversation, now: number): WaMessage[] {
  return c.messages.filter((m) => m.sentAt <= now);
}

function lastInbound(c: Conversation, now: number): number | null {
  const times = visible(c, now)
    .filter((m) => m.inbound)
    .map((m) => m.sentAt);
  return times.length > 0 ? Math.max(...times) : null;
}

function conversationView(c: Conversation, now: number, baseUrl: string) {
  const messages = visible(c, now);
  const inbound = lastInbound(c, now);
  const updated = messages.length > 0 ? Math.max(...messages.map((m) => m.sentAt)) : c.createdAt;
  return {
    from: c.from,
    to: c.to,
    totalMessages: messages.length,
    status: 'OPEN',
    isSessionActive: inbound !== null && now < inbound + SESSION_MS,
    sessionExpiresAt: isoUtc((inbound ?? c.createdAt - SESSION_MS) + SESSION_MS),
    createdAt: isoUtc(c.createdAt),
    updatedAt: isoUtc(updated),
    links: { messages: `${baseUrl}/api/rest/whatsapp/conversations/${c.from}/${c.to}/messages` },
    // No contact for a number that is not one (the adapter's schema treats it as optional).
    ...(c.contact ? { contact: { data: c.contact } } : {}),
  };
}

function messageView(m: WaMessage) {
  const read = m.readAfterMs === null ? null : isoUtc(m.sentAt + m.readAfterMs);
  return {
    id: m.id,
    type: m.type,
    msisdn: m.msisdn,
    content: m.content,
    reactions: m.reactions,
    sentAt: isoUtc(m.sentAt),
    deliveredAt: isoUtc(m.sentAt),
    readAt: read,
    failedAt: null,
  };
}

export function listConversations(store: NrsStore, req: SandboxRequest): SandboxReply {
  const now = store.ctx.clock.now();
  const from = req.query.get('from');
  const to = req.query.get('to');
  const items = store.conversations
    .filter((c) => (from === null || c.from === from) && (to === null || c.to === to))
    .map((c) => conversationView(c, now, req.baseUrl));
  return json(200, paginate(items, req.query, `${req.baseUrl}/api/rest/whatsapp/conversations`));
}

function find(store: NrsStore, from: string, to: string): Conversation | undefined {
  return store.conversations.find((c) => c.from === from && c.to === to);
}

export function showConversation(
  store: NrsStore,
  req: SandboxRequest,
  from: string,
  to: string,
): SandboxReply {
  const c = find(store, from, to);
  if (!c) return nrsError(404);
  return json(200, { data: conversationView(c, store.ctx.clock.now(), req.baseUrl) });
}

/** Newest first, as the seed's example lists them (line 2207). */
export function listMessages(
  store: NrsStore,
  req: SandboxRequest,
  from: string,
  to: string,
): SandboxReply {
  const c = find(store, from, to);
  if (!c) return nrsError(404);
  const now = store.ctx.clock.now();
  const view = conversationView(c, now, req.baseUrl);
  const items = visible(c, now)
    .sort((a, b) => b.sentAt - a.sentAt)
    .map(messageView);
  const page = paginate(
    items,
    req.query,
    `${req.baseUrl}/api/rest/whatsapp/conversations/${from}/${to}/messages`,
  );
  return json(200, {
    data: page.data,
    meta: {
      status: view.status,
      isSessionActive: view.isSessionActive,
      sessionExpiresAt: view.sessionExpiresAt,
      pagination: page.meta.pagination,
    },
  });
}

/** Only within an active session (line 2365); the seed shows no answer body, so 201 + the message. */
export function postMessage(
  store: NrsStore,
  req: SandboxRequest,
  from: string,
  to: string,
): SandboxReply {
  const body = parseJsonBody(req.rawBody);
  if (!body.ok) return nrsError(125);
  const content = isRecord(body.value) ? body.value.content : undefined;
  if (typeof content !== 'string' || content.trim() === '')
    return nrsError(422, 'The content field is required.');
  const c = find(store, from, to);
  if (!c) return nrsError(404);
  const now = store.ctx.clock.now();
  const view = conversationView(c, now, req.baseUrl);
  if (!view.isSessionActive) {
    return nrsError(422, 'The conversation has no active session: only a template can be sent.');
  }
  const message = outbound(store, c, 'text', content, now);
  return json(201, { data: messageView(message) });
}

/** POST /api/rest/whatsapp: 202 / 207 like SMS (line 1683); error 140 for an unknown template. */
export function sendTemplate(store: NrsStore, req: SandboxRequest): SandboxReply {
  const body = parseJsonBody(req.rawBody);
  if (!body.ok || !isRecord(body.value)) return nrsError(125);
  const b = body.value;
  const template = store.templates.get(Number(b.templateId));
  if (!template) return nrsError(140, 'Invalid template');
  if (typeof b.from !== 'string' || b.from === '') return nrsError(106);
  if (!store.waSenders.has(b.from)) return nrsError(115);
  if (!Array.isArray(b.messages) || b.messages.length === 0) return nrsError(102);
  const now = store.ctx.clock.now();
  const sendingId = store.sendingId();
  const campaignId =
    typeof b.campaignName === 'string' && b.campaignName !== '' ? store.campaignId() : 0;
  const result = b.messages.map((m, i) => {
    const to = isRecord(m) && typeof m.to === 'string' ? m.to : '';
    if (!validRecipient(to)) {
      return {
        accepted: false,
        to,
        error: nrsErrorDetail(
          102,
          `The messages.${i}.to field does not contain a valid phone number`,
        ),
      };
    }
    const c = conversationFor(store, b.from as string, to, now);
    const bodyFields = isRecord(m) && Array.isArray(m.bodyFields) ? m.bodyFields.map(String) : [];
    const text = template.content.replace(
      /\{\{(\d+)\}\}/g,
      (w, n: string) => bodyFields[Number(n) - 1] ?? w,
    );
    const message = outbound(store, c, 'template', text, now);
    return { accepted: true, to, id: message.id };
  });
  if (result.every((r) => !r.accepted)) return nrsError(102, result[0]?.error?.description);
  const status = result.every((r) => r.accepted) ? 202 : 207;
  return json(status, { campaignId, sendingId, result });
}

function conversationFor(store: NrsStore, from: string, to: string, now: number): Conversation {
  let c = find(store, from, to);
  if (!c) {
    const known = store.contactByPhone(to);
    const contact = known
      ? {
          msisdn: to,
          firstName: known.name ?? '',
          lastName: known.surname ?? '',
          email: known.email ?? '',
          interest: '',
          comment: '',
          country: known.countryIso ?? '',
        }
      : null;
    c = { from, to, createdAt: now, contact, messages: [] };
    store.conversations.push(c);
  }
  return c;
}

/** Stores an outbound message and, on a seeded coin flip, the person's reply a little later. */
function outbound(
  store: NrsStore,
  c: Conversation,
  type: WaMessage['type'],
  content: string,
  now: number,
): WaMessage {
  const { rng, delivery } = store.ctx;
  const message: WaMessage = {
    id: uuid(rng),
    type,
    msisdn: c.from,
    content,
    reactions: [],
    sentAt: now,
    readAfterMs: delivery.sentAfterMs,
    inbound: false,
  };
  c.messages.push(message);
  if (rng.next() < 0.5) {
    c.messages.push({
      id: uuid(rng),
      type: 'text',
      msisdn: c.to,
      content: rng.pick(REPLIES),
      reactions: [],
      sentAt: now + 2 * Math.max(delivery.finalAfterMs, 1),
      readAfterMs: null,
      inbound: true,
    });
  }
  return message;
}

/** Test hook: `from` (the person) writes to the business number `to`, now or at `at` (ms, not later than now). */
export function addInbound(
  store: NrsStore,
  from: string,
  to: string,
  text: string,
  at?: number,
): void {
  const now = store.ctx.clock.now();
  const c = conversationFor(store, to, from, Math.min(at ?? now, now));
  c.messages.push({
    id: uuid(store.ctx.rng),
    type: 'text',
    msisdn: from,
    content: text,
    reactions: [],
    sentAt: Math.min(at ?? now, now),
    readAfterMs: null,
    inbound: true,
  });
}
