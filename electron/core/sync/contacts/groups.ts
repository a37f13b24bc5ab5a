import type { Db } from '../../db/connection';

export interface BookCount {
  /** Local contact_books id (what list filters take). */
  id: number;
  name: string;
  count: number;
}

export interface TagCount {
  name: string;
  count: number;
}

export interface ContactGroups {
  books: BookCount[];
  tags: TagCount[];
}

/**
 * An account's books and tags with how many contacts each holds. A deleted
 * contact's row is gone at once (its pending delete remembers only the remote
 * id), so these count live contacts only. Books known to the account but
 * holding nobody are kept with 0, so a person can still pick them.
 */
export function contactGroups(db: Db, accountId: number): ContactGroups {
  const books = db
    .prepare(
      `SELECT b.id, b.name, count(c.id) AS count
       FROM contact_books b
       LEFT JOIN contact_book_members m ON m.book_id = b.id
       LEFT JOIN contacts c ON c.id = m.contact_id AND c.account_id = b.account_id
       WHERE b.account_id = ?
       GROUP BY b.id ORDER BY b.name COLLATE NOCASE, b.id`,
    )
    .all(accountId) as BookCount[];
  const tags = db
    .prepare(
      `SELECT t.tag AS name, count(*) AS count
       FROM contact_tags t JOIN contacts c ON c.id = t.contact_id
       WHERE c.account_id = ?
       GROUP BY t.tag ORDER BY t.tag COLLATE NOCASE`,
    )
    .all(accountId) as TagCount[];
  return { books, tags };
}
