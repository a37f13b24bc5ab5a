import type { ContactBook } from '../../../shared/domain/contact';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { getAccount } from './repository';

/**
 * The address books an account's contacts go into, as the person entered them
 * (id + name). The address-book API (seed 001) creates a contact in a book by
 * its `group_id` (line 15) and can move it (line 124), but has no way to list
 * books: without this list Outpost could only send ids the API would refuse.
 */
export class BookChoiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BookChoiceError';
  }
}

export function getAccountBooks(db: Db, accountId: number): ContactBook[] {
  return (
    db
      .prepare(
        'SELECT book_id, name FROM account_books WHERE account_id = ? ORDER BY name, book_id',
      )
      .all(accountId) as { book_id: string; name: string }[]
  ).map((r) => ({ id: r.book_id, name: r.name }));
}

/** The address-book API's ids are whole numbers (seed 001: `group_id` integer). */
function checkBook(provider: string, book: ContactBook): void {
  if (provider === 'addressbook' && !/^[1-9]\d{0,17}$/.test(book.id)) {
    throw new BookChoiceError(
      `Address book id "${book.id}" is not a whole number; the address-book API knows books by number (group_id).`,
    );
  }
  if (book.id.trim() === '' || book.id.length > 64) {
    throw new BookChoiceError(`"${book.id}" is not a usable address book id.`);
  }
  if (book.name.trim() === '' || book.name.length > 120) {
    throw new BookChoiceError(`Give address book ${book.id} a name (up to 120 characters).`);
  }
}

/** Adds or renames some books and removes others, in one transaction; returns the list. */
export function updateAccountBooks(
  db: Db,
  accountId: number,
  change: { add?: ContactBook[]; remove?: string[] },
): ContactBook[] {
  const { provider } = getAccount(db, accountId);
  const add = (change.add ?? []).map((b) => ({ id: b.id.trim(), name: b.name.trim() }));
  for (const b of add) checkBook(provider, b);
  return writeTransaction(db, () => {
    const remove = db.prepare('DELETE FROM account_books WHERE account_id = ? AND book_id = ?');
    for (const id of change.remove ?? []) {
      if (remove.run(accountId, id.trim()).changes === 0) {
        throw new BookChoiceError(`The account has no address book ${id}.`);
      }
    }
    const put = db.prepare(
      `INSERT INTO account_books (account_id, book_id, name) VALUES (?, ?, ?)
       ON CONFLICT (account_id, book_id) DO UPDATE SET name = excluded.name`,
    );
    for (const b of add) put.run(accountId, b.id, b.name);
    return getAccountBooks(db, accountId);
  });
}

/** Replaces the whole list (the Settings view saves the table it shows). */
export function replaceAccountBooks(
  db: Db,
  accountId: number,
  books: ContactBook[],
): ContactBook[] {
  return writeTransaction(db, () => {
    db.prepare('DELETE FROM account_books WHERE account_id = ?').run(accountId);
    return updateAccountBooks(db, accountId, { add: books });
  });
}

/**
 * Which book a create, import, edit or move goes to, from what the person typed
 * (an id or a name of one of the account's books). For an address-book account
 * the answer is always one of its books, so the API is never sent a group_id it
 * would refuse; with no choice and exactly one book, that book. Other providers
 * take a book by name (360nrs creates missing groups), so `null` means "use names".
 */
export function chooseBook(
  db: Db,
  accountId: number,
  wanted: string | undefined,
): ContactBook | null {
  const account = getAccount(db, accountId);
  if (account.provider !== 'addressbook') return null;
  const books = getAccountBooks(db, accountId);
  const add = `add it with \`outpost account books --name "${account.name}" --add ID=NAME\``;
  if (books.length === 0) {
    throw new BookChoiceError(
      `"${account.name}" has no address books yet: the address-book API cannot list them, so ${add} (the id is the group_id from the provider's dashboard).`,
    );
  }
  if (wanted === undefined || wanted.trim() === '') {
    if (books.length === 1) return books[0] as ContactBook;
    throw new BookChoiceError(
      `Choose the address book for "${account.name}": ${books.map((b) => `${b.id} (${b.name})`).join(', ')}.`,
    );
  }
  const w = wanted.trim();
  const found =
    books.find((b) => b.id === w) ?? books.find((b) => b.name.toLowerCase() === w.toLowerCase());
  if (!found) {
    throw new BookChoiceError(
      `"${account.name}" has no address book "${w}"; its books are ${books.map((b) => `${b.id} (${b.name})`).join(', ')}, or ${add}.`,
    );
  }
  return found;
}
