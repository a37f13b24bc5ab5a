/**
 * contacts.page as it answered before round 6 (one or two digits as
 * `phone LIKE`, every condition checked while walking the order's index, the
 * count by a scan): the anchor bench/contacts-search.bench.ts compares with.
 */
import type { Db } from '../../electron/core/db/connection';
import {
  type ContactPage,
  type PageQuery,
  queryFilter,
} from '../../electron/core/sync/contacts/page';
import { summaryColumns, summaryOf } from '../../electron/core/sync/contacts/search';

export function contactPageBefore(db: Db, q: PageQuery): ContactPage {
  const text = (q.query ?? '').trim();
  const digits = text.replace(/[\s+\-().]/g, '');
  const filter = /^\d{1,2}$/.test(digits)
    ? { where: ['(c.phone LIKE ? OR c.phone LIKE ?)'], params: [`${digits}%`, `+${digits}%`] }
    : queryFilter(text, q.accountId);
  if (!filter) return { offset: q.offset, total: q.withTotal ? 0 : null, contacts: [] };
  const condition = ['c.account_id = ?', ...filter.where].join(' AND ');
  const params = [q.accountId, ...filter.params];
  const rows = db
    .prepare(
      `SELECT ${summaryColumns} FROM contacts c WHERE ${condition}
       ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id LIMIT ? OFFSET ?`,
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
