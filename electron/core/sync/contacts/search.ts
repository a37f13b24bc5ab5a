import type { Db } from '../../db/connection';
import type { FieldValue } from './model';
import { OPEN_STATES } from './pending';
import { accountPrefixQueries, phonePrefixCondition, phonePrefixRanges } from './phone-prefix';

export interface ContactSummary {
  id: number;
  accountId: number;
  remoteId: string | null;
  phone: string;
  firstName: string;
  lastName: string;
  email: string;
  customFields: Record<string, FieldValue>;
  tags: string[];
  /** An offline edit is not yet at the provider (waiting, in conflict or refused). */
  pending: boolean;
  /** An edit clashed with a change at the provider; see conflicts.ts. */
  hasConflict: boolean;
}

/** A summary row as the list queries select it (`summaryColumns`). */
export interface Row {
  id: number;
  account_id: number;
  remote_id: string | null;
  phone: string;
  first_name: string;
  last_name: string;
  email: string;
  custom_fields: string;
  has_conflict: number;
  tags: string | null;
  pending: number;
}

const COLUMNS = `c.id, c.account_id, c.remote_id, c.phone, c.first_name, c.last_name, c.email, c.custom_fields,
  c.has_conflict,
  (SELECT json_group_array(t.tag) FROM contact_tags t WHERE t.contact_id = c.id) AS tags,
  EXISTS (SELECT 1 FROM pending_changes p WHERE p.contact_id = c.id AND p.state IN ${OPEN_STATES}) AS pending`;

/** The columns of a summary row, for other list queries over `contacts c`. */
export const summaryColumns = COLUMNS;

export function summaryOf(r: Row): ContactSummary {
  return {
    id: r.id,
    accountId: r.account_id,
    remoteId: r.remote_id,
    phone: r.phone,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    customFields: JSON.parse(r.custom_fields) as Record<string, FieldValue>,
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
    pending: r.pending === 1,
    hasConflict: r.has_conflict === 1,
  };
}

export interface SearchOptions {
  accountId?: number;
  /** Default 50. */
  limit?: number;
}

/** Characters people type inside phone numbers. */
const PHONE_PUNCTUATION = /[\s+\-().]/g;

/**
 * Full-text contact search as a person types:
 * - a number ("5444", "+34 666", "(666) 555"): the digits anywhere in the phone
 *   (trigram index; one or two digits match the start of the number);
 * - words ("ana per", "juan@exam"): every word is a prefix of some word of
 *   the first name, last name, email or phone, accents and case ignored.
 * Words and 3+ digit groups may be mixed ("ana 5444").
 */
export function searchContacts(
  db: Db,
  query: string,
  options: SearchOptions = {},
): ContactSummary[] {
  const limit = options.limit ?? 50;
  const q = query.trim();
  if (q === '') return listContacts(db, { ...options, limit });
  const digitsOnly = q.replace(PHONE_PUNCTUATION, '');
  if (/^\d+$/.test(digitsOnly)) return byPhone(db, digitsOnly, options.accountId, limit);

  const tokens = q.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
  const words = tokens.filter((t) => !/^\d{3,}$/.test(t));
  const numbers = tokens.filter((t) => /^\d{3,}$/.test(t));
  if (words.length === 0 && numbers.length === 0) return [];
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'contacts c';
  let order = 'c.last_name, c.first_name, c.id';
  if (words.length > 0) {
    const match = words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND ');
    from = 'contacts_fts f JOIN contacts c ON c.id = f.rowid';
    where.push('contacts_fts MATCH ?');
    params.push(match);
    order = broad(db, match) ? 'f.rowid' : 'f.rank, c.id';
  }
  for (const n of numbers) {
    where.push('c.id IN (SELECT rowid FROM contacts_phone_fts WHERE contacts_phone_fts MATCH ?)');
    params.push(`"${n}"`);
  }
  if (options.accountId !== undefined) {
    where.push('c.account_id = ?');
    params.push(options.accountId);
  }
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`,
    )
    .all(...params, limit) as Row[];
  return rows.map(summaryOf);
}

/**
 * Ranking scores every match: fine for a few hundred, 20-200 ms for the tens of
 * thousands a first letter matches in 100,000 contacts. A query that broad
 * shows matches in index order instead, at once; the next keystroke narrows it.
 */
const RANKED_AT_MOST = 1000;

function broad(db: Db, match: string): boolean {
  const n = db
    .prepare(
      'SELECT count(*) FROM (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT ?)',
    )
    .pluck()
    .get(match, RANKED_AT_MOST + 1) as number;
  return n > RANKED_AT_MOST;
}

function byPhone(
  db: Db,
  digits: string,
  accountId: number | undefined,
  limit: number,
): ContactSummary[] {
  const scope = accountId === undefined ? '' : 'AND c.account_id = ?';
  const scopeParams = accountId === undefined ? [] : [accountId];
  if (digits.length >= 3) {
    return (
      db
        .prepare(
          `SELECT ${COLUMNS} FROM contacts_phone_fts p JOIN contacts c ON c.id = p.rowid
           WHERE contacts_phone_fts MATCH ? ${scope} ORDER BY c.last_name, c.first_name, c.id LIMIT ?`,
        )
        .all(`"${digits}"`, ...scopeParams, limit) as Row[]
    ).map(summaryOf);
  }
  // Too short for trigrams: the start of the number, with or without its '+'.
  const { plain, plus } = phonePrefixRanges(digits);
  const condition = phonePrefixCondition(
    accountId !== undefined && rarePrefix(db, digits, accountId),
  );
  return (
    db
      .prepare(
        `SELECT ${COLUMNS} FROM contacts c WHERE ${condition} ${scope}
         ORDER BY c.last_name, c.first_name, c.id LIMIT ?`,
      )
      .all(...plain, ...plus, ...scopeParams, limit) as Row[]
  ).map(summaryOf);
}

/** Up to this many matches the phone index finds them faster than a scan of the account. */
const INDEXED_AT_MOST = 2000;

/**
 * Whether the account's phone index should serve a one- or two-digit prefix.
 * A prefix as dialled at home ("6") starts no number stored with its code, and
 * the index answers at once (0.05 ms against 23 for a scan of 100,000); one
 * that starts most numbers ("3" for +34) is 70,000 index lookups in random
 * order, slower than the scan the unary '+' forces (57 ms against 35).
 */
function rarePrefix(db: Db, digits: string, accountId: number): boolean {
  const { count, params } = accountPrefixQueries(digits, accountId);
  const n = db
    .prepare(count)
    .pluck()
    .get(...params) as number;
  return n <= INDEXED_AT_MOST;
}

export interface ListOptions {
  accountId?: number;
  /** Local contact_books id. */
  bookId?: number;
  tag?: string;
  /** Only contacts with an edit not yet at the provider (waiting, in conflict or refused). */
  pendingOnly?: boolean;
  limit?: number;
  offset?: number;
}

/** Contacts in name order, optionally one book's or one tag's. */
export function listContacts(db: Db, options: ListOptions = {}): ContactSummary[] {
  const where: string[] = ['1 = 1'];
  const params: unknown[] = [];
  if (options.accountId !== undefined) {
    where.push('c.account_id = ?');
    params.push(options.accountId);
  }
  if (options.bookId !== undefined) {
    where.push('c.id IN (SELECT contact_id FROM contact_book_members WHERE book_id = ?)');
    params.push(options.bookId);
  }
  if (options.tag !== undefined) {
    where.push('c.id IN (SELECT contact_id FROM contact_tags WHERE tag = ?)');
    params.push(options.tag);
  }
  if (options.pendingOnly) {
    where.push(
      `EXISTS (SELECT 1 FROM pending_changes p WHERE p.contact_id = c.id AND p.state IN ${OPEN_STATES})`,
    );
  }
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM contacts c WHERE ${where.join(' AND ')}
       ORDER BY c.last_name, c.first_name, c.id LIMIT ? OFFSET ?`,
    )
    .all(...params, options.limit ?? 100, options.offset ?? 0) as Row[];
  return rows.map(summaryOf);
}

export function countContacts(db: Db, accountId?: number): number {
  return Number(
    accountId === undefined
      ? db.prepare('SELECT count(*) FROM contacts').pluck().get()
      : db.prepare('SELECT count(*) FROM contacts WHERE account_id = ?').pluck().get(accountId),
  );
}
