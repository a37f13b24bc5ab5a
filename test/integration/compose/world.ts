import { addAccount } from '../../../electron/core/accounts/repository';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { tempDir } from '../../helpers/temp-dir';

/** A profile with one account of `provider`, a book, tags and a few contacts, written as sync would. */
export function composeWorld(provider: 'nrs' | 'action' = 'nrs') {
  const dir = tempDir('outpost-compose-');
  const db = openAppDatabase(dir.path);
  const { id: accountId } = addAccount(db, {
    name: 'Clinic',
    provider,
    baseUrl: 'http://127.0.0.1:9',
    username: 'u',
    secretRef: 'env:NOPE',
  });
  const contact = (phone: string, first: string, last = '', custom: Record<string, unknown> = {}) =>
    Number(
      db
        .prepare(
          `INSERT INTO contacts (account_id, phone, first_name, last_name, custom_fields)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(accountId, phone, first, last, JSON.stringify(custom)).lastInsertRowid,
    );
  const book = (name: string, members: number[]) => {
    const id = Number(
      db
        .prepare('INSERT INTO contact_books (account_id, remote_id, name) VALUES (?, ?, ?)')
        .run(accountId, name, name).lastInsertRowid,
    );
    for (const m of members)
      db.prepare('INSERT INTO contact_book_members (book_id, contact_id) VALUES (?, ?)').run(id, m);
    return id;
  };
  const tag = (name: string, members: number[]) => {
    for (const m of members)
      db.prepare('INSERT INTO contact_tags (contact_id, tag) VALUES (?, ?)').run(m, name);
  };
  const suppress = (phone: string, reason: string, detail: string, at: number) =>
    db
      .prepare(
        'INSERT INTO suppressions (account_id, phone, reason, detail, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(accountId, phone, reason, detail, at);
  return {
    db: db as Db,
    accountId,
    contact,
    book,
    tag,
    suppress,
    close: () => {
      db.close();
      dir.remove();
    },
  };
}
