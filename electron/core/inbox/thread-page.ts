import type { Db } from '../db/connection';
import { listMessages } from '../outbox/list';
import { findSuppression, suppressionRefusal } from '../suppressions/refusal';
import { isOptIn, isOptOut } from '../sync/optout/keywords';
import { contactNames } from './contact-names';
import { parseThreadKey, ThreadKeyError } from './thread-key';

/** What a WhatsApp message left here (a reply, a template) may be, beside the provider's states. */
export type WhatsAppState =
  | 'sending'
  | 'accepted'
  | 'delivered'
  | 'read'
  | 'failed'
  | 'unknown'
  | 'received';

export interface ThreadItem {
  /** `sms:<message id>`, `wa:<row id>`, or `sys:<row id>` for a system line. */
  id: string;
  kind: 'message' | 'system';
  direction: 'inbound' | 'outbound';
  text: string;
  at: number;
  /** SMS: the outbox's display state; WhatsApp: WhatsAppState. System lines: the event. */
  state: string;
  errorText: string | null;
  segments: number | null;
  /** For Retry / Drop: the outbox message (SMS) or the WhatsApp row. */
  outboxId: number | null;
  whatsAppId: number | null;
  template: boolean;
}

export interface ThreadMeta {
  key: string;
  channel: 'sms' | 'whatsapp';
  accountId: number;
  number: string;
  name: string | null;
  /** Who the thread's messages are from: the WhatsApp business number, or the last SMS sender. */
  sender: string | null;
  /** WhatsApp: a free reply is possible (within 24 h of the person's last message). */
  sessionActive: boolean;
  sessionExpiresAt: number | null;
  /** Why this number may not be written to, or null. */
  suppressed: { since: number; sentence: string } | null;
  /** The person asked to hear from us again (START, ALTA…) after opting out. */
  offerResubscribe: boolean;
}

export interface ThreadPage {
  meta: ThreadMeta;
  /** Newest first. */
  items: ThreadItem[];
  /** Pass as `before` for the next (older) page; null at the start of the thread. */
  next: string | null;
}

/** A message left in 'sending' longer than this was cut off (a quit, a crash): its outcome is unknown. */
export const SENDING_STALE_MS = 2 * 60_000;

export function threadPage(
  db: Db,
  key: string,
  options: { before?: string; limit: number; now?: number },
): ThreadPage {
  const ref = parseThreadKey(key);
  const now = options.now ?? Date.now();
  return ref.channel === 'sms'
    ? smsPage(db, key, ref.accountId, ref.number, options.before, options.limit, now)
    : whatsAppPage(db, key, ref.conversationId, options.before, options.limit, now);
}

function suppressionOf(db: Db, accountId: number, number: string) {
  const s = findSuppression(db, accountId, number);
  return s ? { since: s.createdAt, sentence: suppressionRefusal(s, number) } : null;
}

function smsPage(
  db: Db,
  key: string,
  accountId: number,
  number: string,
  before: string | undefined,
  limit: number,
  now: number,
): ThreadPage {
  const beforeId = before === undefined ? undefined : Number(before);
  if (beforeId !== undefined && !Number.isInteger(beforeId))
    throw new ThreadKeyError(`"${before}" is not a position in an SMS thread.`);
  const rows = listMessages(db, {
    accountId,
    recipient: number,
    limit: limit + 1,
    now,
    ...(beforeId !== undefined ? { beforeId } : {}),
  });
  const page = rows.slice(0, limit);
  const items: ThreadItem[] = page.map((m) => ({
    id: `sms:${m.id}`,
    kind: 'message',
    direction: 'outbound',
    text: m.body,
    at: m.createdAt,
    state: m.displayState,
    errorText: m.errorText,
    segments: m.segments,
    outboxId: m.id,
    whatsAppId: null,
    template: false,
  }));
  const newest = listMessages(db, { accountId, recipient: number, limit: 1, now })[0];
  return {
    meta: {
      key,
      channel: 'sms',
      accountId,
      number,
      name: contactNames(db, [number]).get(number) ?? null,
      sender: newest?.sender ?? null,
      sessionActive: false,
      sessionExpiresAt: null,
      suppressed: suppressionOf(db, accountId, number),
      offerResubscribe: false,
    },
    items,
    next: rows.length > limit ? String(page[page.length - 1]?.id) : null,
  };
}

interface WaRow {
  id: number;
  direction: 'inbound' | 'outbound';
  type: string;
  text: string;
  atMs: number;
  deliveredAt: string | null;
  readAt: string | null;
  failedAt: string | null;
  localState: 'sending' | 'sent' | 'failed' | 'unknown' | null;
  errorText: string | null;
  attemptedAt: number | null;
}

function whatsAppState(r: WaRow, now: number): WhatsAppState {
  if (r.direction === 'inbound') return 'received';
  if (r.localState === 'sending')
    return now - (r.attemptedAt ?? r.atMs) > SENDING_STALE_MS ? 'unknown' : 'sending';
  if (r.localState === 'failed' || r.localState === 'unknown') return r.localState;
  if (r.failedAt) return 'failed';
  if (r.readAt) return 'read';
  if (r.deliveredAt) return 'delivered';
  return 'accepted';
}

/** The sentence of a reply cut off while sending, for the person to decide. */
export const CUT_OFF_SENTENCE =
  'Outpost stopped while this was being sent, so it may or may not have arrived: retry it (it may arrive twice) or drop it.';

function cursorOf(before: string | undefined): [number, number] | null {
  if (before === undefined) return null;
  const m = /^(\d+):(\d+)$/.exec(before);
  if (!m) throw new ThreadKeyError(`"${before}" is not a position in a WhatsApp thread.`);
  return [Number(m[1]), Number(m[2])];
}

function whatsAppPage(
  db: Db,
  key: string,
  conversationId: number,
  before: string | undefined,
  limit: number,
  now: number,
): ThreadPage {
  const conv = db
    .prepare(
      `SELECT account_id AS accountId, sender, person, contact_name AS contactName,
         session_expires_at AS sessionExpiresAt FROM conversations WHERE id = ?`,
    )
    .get(conversationId) as
    | {
        accountId: number;
        sender: string;
        person: string;
        contactName: string | null;
        sessionExpiresAt: string | null;
      }
    | undefined;
  if (!conv) throw new ThreadKeyError('This conversation is no longer here.');
  const cursor = cursorOf(before);
  const rows = db
    .prepare(
      `SELECT id, direction, type, text, at_ms AS atMs, delivered_at AS deliveredAt, read_at AS readAt,
         failed_at AS failedAt, local_state AS localState, error_text AS errorText,
         attempted_at AS attemptedAt
       FROM conversation_messages
       WHERE conversation_id = @conversationId
         AND (@at IS NULL OR at_ms < @at OR (at_ms = @at AND id < @id))
       ORDER BY at_ms DESC, id DESC LIMIT @limit`,
    )
    .all({
      conversationId,
      at: cursor?.[0] ?? null,
      id: cursor?.[1] ?? null,
      limit: limit + 1,
    }) as WaRow[];
  const page = rows.slice(0, limit);
  const items: ThreadItem[] = [];
  for (const r of page) {
    if (r.direction === 'inbound') {
      const event = isOptOut(r.text) ? 'opted-out' : isOptIn(r.text) ? 'opt-in-request' : null;
      // Newest first: the system line that follows a message comes before it here.
      if (event) items.push(systemLine(r, event));
    }
    const state = whatsAppState(r, now);
    items.push({
      id: `wa:${r.id}`,
      kind: 'message',
      direction: r.direction,
      text: r.text,
      at: r.atMs,
      state,
      errorText: r.localState === 'sending' && state === 'unknown' ? CUT_OFF_SENTENCE : r.errorText,
      segments: null,
      outboxId: null,
      whatsAppId: r.id,
      template: r.type === 'template',
    });
  }
  const last = page[page.length - 1];
  const expires = conv.sessionExpiresAt ? Date.parse(conv.sessionExpiresAt) : Number.NaN;
  const suppressed = suppressionOf(db, conv.accountId, conv.person);
  return {
    meta: {
      key,
      channel: 'whatsapp',
      accountId: conv.accountId,
      number: conv.person,
      name: contactNames(db, [conv.person]).get(conv.person) ?? conv.contactName,
      sender: conv.sender,
      sessionActive: Number.isFinite(expires) && now < expires,
      sessionExpiresAt: Number.isFinite(expires) ? expires : null,
      suppressed,
      offerResubscribe: suppressed !== null && askedAgain(db, conversationId),
    },
    items,
    next: rows.length > limit && last ? `${last.atMs}:${last.id}` : null,
  };
}

function systemLine(r: WaRow, event: 'opted-out' | 'opt-in-request'): ThreadItem {
  return {
    id: `sys:${r.id}`,
    kind: 'system',
    direction: 'inbound',
    text: r.text.trim(),
    at: r.atMs,
    state: event,
    errorText: null,
    segments: null,
    outboxId: null,
    whatsAppId: null,
    template: false,
  };
}

/**
 * The person's newest keyword reply (among their last 200 messages) is a
 * START-style one: they asked to hear from us again after opting out.
 */
function askedAgain(db: Db, conversationId: number): boolean {
  const texts = db
    .prepare(
      `SELECT text FROM conversation_messages
       WHERE conversation_id = ? AND direction = 'inbound'
       ORDER BY at_ms DESC, id DESC LIMIT 200`,
    )
    .pluck()
    .all(conversationId) as string[];
  for (const text of texts) {
    if (isOptIn(text)) return true;
    if (isOptOut(text)) return false;
  }
  return false;
}
