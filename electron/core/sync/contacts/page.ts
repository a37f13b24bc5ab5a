import type { Db } from '../../db/connection';
import { OPEN_STATES } from './pending';
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
}

/**
 * The query as conditions on `contacts c`, with the same reading as
 * searchContacts: digits (3+) anywhere in the number through the trigram
 * index, one or two digits at its start, words as prefixes through the word
 * index; words and digit groups can be mixed. null: nothing can match.
 */
export function queryFilter(query: string): Filter | null {
  const q = query.trim();
  const out: Filter = { where: [], params: [] };
  if (q === '') return out;
  const digitsOnly = q.replace(PHONE_PUNCTUATION, '');
  if (/^\d{1,2}$/.test(digitsOnly)) {
    out.where.push('(c.phone LIKE ? OR c.phone LIKE ?)');
    out.params.push(`${digitsOnly}%`, `+${digitsOnly}%`);
    return out;
  }
  const tokens = /^\d+$/.test(digitsOnly)
    ? [digitsOnly]
    : q.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
  const words = tokens.filter((t) => !/^\d{3,}$/.test(t));
  const numbers = tokens.filter((t) => /^\d{3,}$/.test(t));
  if (words.length === 0 && numbers.length === 0) return null;
  if (words.length > 0) {
    out.where.push('c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)');
    out.params.push(words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND '));
  }
  for (const n of numbers) {
    out.where.push(
      'c.id IN (SELECT rowid FROM contacts_phone_fts WHERE contacts_phone_fts MATCH ?)',
    );
    out.params.push(`"${n}"`);
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
 * One window of an account's contacts, filtered by the search, a book or a
 * tag, in the chosen order. The list asks for the windows it shows, so the
 * renderer never holds 100,000 rows.
 */
export function contactPage(db: Db, q: PageQuery): ContactPage {
  const filter = queryFilter(q.query ?? '');
  if (!filter) return { offset: q.offset, total: q.withTotal ? 0 : null, contacts: [] };
  const where = ['c.account_id = ?', ...filter.where];
  const params: unknown[] = [q.accountId, ...filter.params];
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
  const rows = db
    .prepare(
      `SELECT ${summaryColumns} FROM contacts c WHERE ${condition}
       ORDER BY ${orderBy(q.sort ?? 'name', q.descending ?? false)} LIMIT ? OFFSET ?`,
    )
    .all(...params, q.limit, q.offset) as Parameters<typeof summaryOf>[0][];
  const total = q.withTotal
    ? Number(
        db
          .prepare(`SELECT count(*) FROM contacts c WHERE ${condition}`)
          .pluck()
          .get(...params),
      )
    : null;
  return { offset: q.offset, total, contacts: rows.map(summaryOf) };
}
