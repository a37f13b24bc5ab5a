import type { Db } from '../db/connection';
import { phoneKey } from '../sync/phone-key';
import { contactNames, numbersNamed } from './contact-names';
import { smsThreadKey, whatsAppThreadKey } from './thread-key';

export interface ThreadSummary {
  key: string;
  channel: 'sms' | 'whatsapp';
  accountId: number;
  /** The person's number, international digits. */
  number: string;
  /** The contact's name when the number is in a book (or the provider knows it), else null. */
  name: string | null;
  /** The newest message's time (ms). */
  lastAt: number;
  preview: string;
  lastDirection: 'inbound' | 'outbound';
  unread: number;
  suppressed: boolean;
}

export interface ThreadQuery {
  /** Digits match the number; words match the contact's name. */
  search?: string;
  limit: number;
}

interface Filter {
  digits: string | null;
  words: string;
  /** JSON array of the numbers of contacts named like `words`. */
  named: string;
}

function filterOf(db: Db, search: string | undefined): Filter | null {
  const text = (search ?? '').trim();
  if (text === '') return null;
  const digits = /\d/.test(text) ? text.replace(/\D/g, '') : null;
  const words = text.replace(/[\d+()\-.\s]/g, '') === '' ? '' : text;
  return { digits, words, named: JSON.stringify(words ? numbersNamed(db, words) : []) };
}

function smsThreads(db: Db, filter: Filter | null, limit: number): ThreadSummary[] {
  const rows = db
    .prepare(
      `SELECT t.accountId, t.recipient, m.body, m.created_at AS lastAt
       FROM (SELECT account_id AS accountId, recipient, MAX(id) AS lastId FROM messages
             WHERE @filtered = 0
                OR (@digits IS NOT NULL AND instr(recipient, @digits) > 0)
                OR recipient IN (SELECT value FROM json_each(@named))
             GROUP BY account_id, recipient ORDER BY lastId DESC LIMIT @limit) t
       JOIN messages m ON m.id = t.lastId`,
    )
    .all({
      filtered: filter ? 1 : 0,
      digits: filter?.digits || null,
      named: filter?.named ?? '[]',
      limit,
    }) as { accountId: number; recipient: string; body: string; lastAt: number }[];
  return rows.map((r) => ({
    key: smsThreadKey(r.accountId, r.recipient),
    channel: 'sms',
    accountId: r.accountId,
    number: phoneKey(r.recipient),
    name: null,
    lastAt: r.lastAt,
    preview: r.body,
    // 360nrs has no SMS inbox: an SMS thread holds what was sent.
    lastDirection: 'outbound',
    unread: 0,
    suppressed: false,
  }));
}

function whatsAppThreads(db: Db, filter: Filter | null, limit: number): ThreadSummary[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.account_id AS accountId, c.person, c.contact_name AS contactName,
         last.text AS preview, last.direction, COALESCE(last.at_ms, 0) AS lastAt,
         (SELECT COUNT(*) FROM conversation_messages u
            WHERE u.conversation_id = c.id AND u.direction = 'inbound'
              AND COALESCE(u.at_ms, 0) > COALESCE(r.read_at, 0)) AS unread
       FROM conversations c
       LEFT JOIN thread_reads r ON r.thread_key = 'wa:' || c.id
       LEFT JOIN conversation_messages last ON last.id = (
         SELECT id FROM conversation_messages WHERE conversation_id = c.id
         ORDER BY at_ms DESC, id DESC LIMIT 1)
       WHERE @filtered = 0
          OR (@digits IS NOT NULL AND instr(c.person, @digits) > 0)
          OR c.person IN (SELECT value FROM json_each(@named))
          OR (@words <> '' AND c.contact_name LIKE '%' || @words || '%')
       ORDER BY lastAt DESC LIMIT @limit`,
    )
    .all({
      filtered: filter ? 1 : 0,
      digits: filter?.digits || null,
      named: filter?.named ?? '[]',
      words: filter?.words ?? '',
      limit,
    }) as {
    id: number;
    accountId: number;
    person: string;
    contactName: string | null;
    preview: string | null;
    direction: 'inbound' | 'outbound' | null;
    lastAt: number;
    unread: number;
  }[];
  return rows.map((r) => ({
    key: whatsAppThreadKey(r.id),
    channel: 'whatsapp',
    accountId: r.accountId,
    number: phoneKey(r.person),
    name: r.contactName,
    lastAt: r.lastAt,
    preview: r.preview ?? '',
    lastDirection: r.direction ?? 'outbound',
    unread: r.unread,
    suppressed: false,
  }));
}

/**
 * The inbox: SMS threads (what was sent to a number from an account) and
 * WhatsApp conversations, newest activity first, named by the contact.
 */
export function listThreads(db: Db, query: ThreadQuery): ThreadSummary[] {
  const filter = filterOf(db, query.search);
  const all = [...smsThreads(db, filter, query.limit), ...whatsAppThreads(db, filter, query.limit)]
    .sort((a, b) => b.lastAt - a.lastAt || a.key.localeCompare(b.key))
    .slice(0, query.limit);
  const names = contactNames(
    db,
    all.map((t) => t.number),
  );
  const suppressed = suppressedOf(db, all);
  return all.map((t) => ({
    ...t,
    name: names.get(t.number) ?? t.name,
    suppressed: suppressed.has(`${t.accountId}:${t.number}`),
  }));
}

function suppressedOf(db: Db, threads: readonly ThreadSummary[]): Set<string> {
  if (threads.length === 0) return new Set();
  const rows = db
    .prepare(
      `SELECT account_id || ':' || phone FROM suppressions
       WHERE phone IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(JSON.stringify([...new Set(threads.map((t) => t.number))])) as string[];
  return new Set(rows);
}
