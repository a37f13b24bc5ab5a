import type { RequestOf } from '../../../../../shared/ipc/contract';
import type { Sniff } from '../../bulk/store';
import type { Abilities, Groups } from '../store';

export type ImportColumns = RequestOf<'contactsImport.check'>['columns'];
export type ImportBook = RequestOf<'contactsImport.check'>['book'];

/** What the person chose for each column: a contact field, a custom field, or nothing. */
export interface ColumnChoice {
  phone: number | null;
  firstName: number | null;
  lastName: number | null;
  email: number | null;
  /** Column index → custom field name ('' = not imported). */
  custom: Record<number, string>;
}

/** The book picked in the form: one of the lists, or a new name; for a tags account, a tag. */
export type BookPick =
  | { kind: 'local'; id: number }
  | { kind: 'provider'; id: string }
  | { kind: 'new'; name: string }
  | { kind: 'tag'; name: string }
  | { kind: 'none' };

/**
 * The first guess from the file's headers: phone, name, surname and email
 * where the importer recognised them, and — when the provider keeps custom
 * fields of any name — every other column as a field of its own name. Only
 * what the account's provider can keep is proposed.
 */
export function initialColumns(sniff: Sniff, can: Abilities): ColumnChoice {
  const role = (r: string) => sniff.roles[r]?.column ?? null;
  const choice: ColumnChoice = {
    phone: role('phone'),
    firstName: role('name'),
    lastName: can.lastName ? role('surname') : null,
    email: can.email ? role('email') : null,
    custom: {},
  };
  const used = new Set([
    choice.phone,
    choice.firstName,
    choice.lastName,
    choice.email,
    role('country'),
  ]);
  sniff.columns.forEach((_, i) => {
    if (used.has(i)) return;
    const name = can.customFieldNames === null ? (sniff.fields[i] ?? '') : '';
    if (name !== '') choice.custom[i] = name;
  });
  return choice;
}

/** The request's columns, or null while no column holds the numbers. */
export function columnsRequest(choice: ColumnChoice): ImportColumns | null {
  if (choice.phone === null) return null;
  const roles = [choice.phone, choice.firstName, choice.lastName, choice.email];
  return {
    phone: choice.phone,
    ...(choice.firstName !== null ? { firstName: choice.firstName } : {}),
    ...(choice.lastName !== null ? { lastName: choice.lastName } : {}),
    ...(choice.email !== null ? { email: choice.email } : {}),
    custom: Object.entries(choice.custom)
      .map(([column, name]) => ({ column: Number(column), name: name.trim() }))
      .filter((f) => f.name !== '' && !roles.includes(f.column)),
  };
}

/**
 * The book a new import starts with: the account's first address book or
 * book, or a new one to name; a tags account starts with no tag.
 */
export function initialBook(can: Abilities, groups: Groups | null): BookPick {
  if (can.newContactBook === 'none') return { kind: 'none' };
  if (can.newContactBook === 'choose') {
    const first = can.books[0];
    return first ? { kind: 'provider', id: first.id } : { kind: 'none' };
  }
  const first = groups?.books[0];
  return first ? { kind: 'local', id: first.id } : { kind: 'new', name: '' };
}

/** The request's book (or tag), or null while a new book or tag has no name yet. */
export function bookRequest(pick: BookPick): ImportBook | null {
  if (pick.kind === 'new' || pick.kind === 'tag') {
    const name = pick.name.trim();
    return name === '' ? null : { kind: pick.kind, name };
  }
  return pick;
}
