import type { Db } from '../../db/connection';
import { OPEN_STATES } from './pending';
import { accountPrefixQueries, phonePrefixCondition, phonePrefixRanges } from './phone-prefix';
import { type ContactSummary, summaryColumns, summaryOf } from './search';

export type SortColumn = 'name' | 'phone' | 'email';

export interface PageQuery {
  accountId: number;
  /** What the person typed: words (prefixes of names, email) and/or digits of the number. */
  query?: string;
  /** Local contact_books id. */
  bookId?: number;
  tag?: string;
  pendingOnly?: boolean;
  sort?: SortColumn;
  descending?: boolean;
  offset: number;
  limit: number;
  /** Count the whole result too (the first page of a new query needs it; scrolling does not). */
  withTotal?: boolean;
}

export interface ContactPage {
  offset: number;
  /** null when not asked for. */
  total: number | null;
  contacts: ContactSummary[];
}

/** Characters people type inside phone numbers. */
const PHONE_PUNCTUATION = /[\s+\-().]/g;

interface Filter {
  where: string[];
  params: unknown[];
  /** Set when the matches can be listed straight from one index (see Candidates). */
  candidates?: Candidates;
}

/**
 * The ids the query matches, as one index lists them: a range of
 * `contacts_by_phone` or one full-text index's rowids. Counting them costs
 * only that index, and a small list is looked up and sorted directly rather
 * than found by walking all of the account's contacts in name order.
 */
interface Candidates {
  ids: string;
  params: unknown[];
  /** Their number (the same ids, counted through the index alone). */
  count: string;
  /** true: the ids are already the account's only (else other accounts' may be counted too). */
  scoped: boolean;
}

/** One or two digits: the start of the number (see phone-prefix.ts), counted through `contacts_by_phone`. */
function phonePrefix(digits: string, accountId: number): Filter {
  const { plain, plus } = phonePrefixRanges(digits);
  return {
    where: [phonePrefixCondition(true)],
    params: [...plain, ...plus],
    candidates: { ...accountPrefixQueries(digits, accountId), scoped: true },
  };
}

function fullText(table: 'contacts_fts' | 'contacts_phone_fts', match: string): Candidates {
  return {
    ids: `SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ?`,
    params: [match],
    count: `SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`,
    scoped: false,
  };
}

/**
 * The query as conditions on `contacts c`, with the same reading as
 * searchContacts: digits (3+) anywhere in the number through the trigram
 * index, one or two digits at its start, words as prefixes through the word
 * index; words and digit groups can be mixed. null: nothing can match.
 */
export function queryFilter(query: string, accountId: number): Filter | null {
  const q = query.trim();
  const out: Filter = { where: [], params: [] };
  if (q === '') return out;
  const digitsOnly = q.replace(PHONE_PUNCTUATION, '');
  if (/^\d{1,2}$/.test(digitsOnly)) return phonePrefix(digitsOnly, accountId);
  const tokens = /^\d+$/.test(digitsOnly)
    ? [digitsOnly]
    : q.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
  const words = tokens.filter((t) => !/^\d{3,}$/.test(t));
  const numbers = tokens.filter((t) => /^\d{3,}$/.test(t));
  if (words.length === 0 && numbers.length === 0) return null;
  if (words.length > 0) {
    const match = words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND ');
    out.where.push('c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)');
    out.params.push(match);
    if (numbers.length === 0) out.candidates = fullText('contacts_fts', match);
  }
  for (const n of numbers) {
    out.where.push(
      'c.id IN (SELECT rowid FROM contacts_phone_fts WHERE contacts_phone_fts MATCH ?)',
    );
    out.params.push(`"${n}"`);
  }
  if (words.length === 0 && numbers.length === 1) {
    out.candidates = fullText('contacts_phone_fts', `"${numbers[0]}"`);
  }
  return out;
}

/** Each order matches an index of migration 008, so a page deep in the list is an index walk. */
function orderBy(sort: SortColumn, descending: boolean): string {
  const dir = descending ? 'DESC' : 'ASC';
  if (sort === 'phone') return `c.phone ${dir}, c.id ${dir}`;
  if (sort === 'email') return `c.email COLLATE NOCASE ${dir}, c.id ${dir}`;
  return `c.last_name COLLATE NOCASE ${dir}, c.first_name COLLATE NOCASE ${dir}, c.id ${dir}`;
}

/**
 * Up to this many matches, the page looks them up by id and sorts them; more,
 * and it walks the order's index, where matches are dense enough that a page
 * fills after a few thousand rows at most.
 */
const LOOKED_UP_AT_MOST = 2000;

/** No contact of any other account: the account's matches are all of the index's. */
function onlyAccount(db: Db, accountId: number): boolean {
  return !db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM contacts WHERE account_id < ?)
           OR EXISTS (SELECT 1 FROM contacts WHERE account_id > ?)`,
    )
    .pluck()
    .get(accountId, accountId);
}

/**
 * One window of an account's contacts, filtered by the search, a book or a
 * tag, in the chosen order. The list asks for the windows it shows, so the
 * renderer never holds 100,000 rows.
 */
export function contactPage(db: Db, q: PageQuery): ContactPage {
  const filter = queryFilter(q.query ?? '', q.accountId);
  if (!filter) return { offset: q.offset, total: q.withTotal ? 0 : null, contacts: [] };
  const where = ['c.account_id = ?', ...filter.where];
  const params: unknown[] = [q.accountId, ...filter.params];
  const narrowed = q.bookId !== undefined || q.tag !== undefined || q.pendingOnly === true;
  if (q.bookId !== undefined) {
    where.push('c.id IN (SELECT contact_id FROM contact_book_members WHERE book_id = ?)');
    params.push(q.bookId);
  }
  if (q.tag !== undefined) {
    where.push('c.id IN (SELECT contact_id FROM contact_tags WHERE tag = ?)');
    params.push(q.tag);
  }
  if (q.pendingOnly) {
    where.push(
      `EXISTS (SELECT 1 FROM pending_changes p WHERE p.contact_id = c.id AND p.state IN ${OPEN_STATES})`,
    );
  }
  const condition = where.join(' AND ');
  const cand = filter.candidates;
  const size = cand
    ? Number(
        db
          .prepare(cand.count)
          .pluck()
          .get(...cand.params),
      )
    : null;
  const order = orderBy(q.sort ?? 'name', q.descending ?? false);
  // CROSS JOIN keeps the id list as the outer loop: left to itself, the
  // planner walks the order's index over every contact to skip the sort.
  const from =
    cand && size !== null && size <= LOOKED_UP_AT_MOST
      ? { sql: `(${cand.ids}) m CROSS JOIN contacts c ON c.id = m.id`, params: cand.params }
      : { sql: 'contacts c', params: [] };
  const rows = db
    .prepare(
      `SELECT ${summaryColumns} FROM ${from.sql} WHERE ${condition}
       ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...from.params, ...params, q.limit, q.offset) as Parameters<typeof summaryOf>[0][];
  const counted =
    size !== null && !narrowed && (cand?.scoped === true || onlyAccount(db, q.accountId));
  const total = !q.withTotal
    ? null
    : counted
      ? size
      : Number(
          db
            .prepare(`SELECT count(*) FROM ${from.sql} WHERE ${condition}`)
            .pluck()
            .get(...from.params, ...params),
        );
  return { offset: q.offset, total, contacts: rows.map(summaryOf) };
}
