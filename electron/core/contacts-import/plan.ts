import { normalizePhone } from '../../../shared/phone';
import { getAccountBooks } from '../accounts/books';
import { getAccount } from '../accounts/repository';
import {
  type CsvRecord,
  type RecordProgress,
  type SniffOptions,
  sniffCsv,
  streamRecords,
} from '../bulk';
import { isBlankRecord } from '../bulk/records';
import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { contactAbilities } from '../sync/contacts/abilities';
import type { ContactPatch, NewContact } from '../sync/contacts/model';
import { phoneKey } from '../sync/phone-key';
import { CHOICE_REFUSALS, ROW_REASONS } from './sentences';

/** Which column (0-based) holds what; phone is required, the rest optional. */
export interface ImportColumns {
  phone: number;
  firstName?: number;
  lastName?: number;
  email?: number;
  /** Each one becomes a custom field of that name. */
  custom: { column: number; name: string }[];
}

/**
 * Where the contacts go: a book this computer knows (local id), one of an
 * address-book account's books (provider id), a new book by name (providers
 * that create groups by name), a tag (providers that sort contacts by tags),
 * or no book at all.
 */
export type ImportBookChoice =
  | { kind: 'local'; id: number }
  | { kind: 'provider'; id: string }
  | { kind: 'new'; name: string }
  | { kind: 'tag'; name: string }
  | { kind: 'none' };

/**
 * How an existing contact joins the chosen book or tag, as a pending edit
 * (so sync pushes it): the address-book API moves a contact between books,
 * the tags API adds a tag, 360nrs adds the group to the contact's groups.
 * null where the provider offers no such edit (the action API has no books).
 */
export type JoinKind = 'move' | 'tag' | 'join' | null;

export interface ImportPlanOptions extends SniffOptions {
  columns: ImportColumns;
  book: ImportBookChoice;
  signal?: AbortSignal;
  onProgress?: (progress: RecordProgress) => void;
}

/** The book as the writer needs it: what the provider is sent, and the local row that shows it. */
export interface ResolvedBook {
  name: string;
  /** contact_books id when the book is already known here (else made at import). */
  localId: number | null;
  /** A provider id (address-book book, known 360nrs group) or null to go by name. */
  remoteId: string | null;
}

export interface RowProblem {
  row: number;
  column: string;
  reason: string;
}

export interface ExistingRow {
  row: number;
  contactId: number;
  name: string;
  /** Already a member of the chosen book, or already carries the chosen tag. */
  inBook: boolean;
  /** The file has values the contact does not: they are written (an update). */
  patch: ContactPatch | null;
}

export class ImportChoiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportChoiceError';
  }
}

/** Everything the import will do, decided before anything is written. */
export interface ImportPlan {
  accountId: number;
  book: ResolvedBook | null;
  /** The tag every imported contact gets (tags API), instead of a book. */
  tag: string | null;
  /** How the existing rows not yet in the book (or without the tag) can join it. */
  join: JoinKind;
  rows: number;
  blankRows: number;
  creates: { row: number; contact: NewContact }[];
  existing: ExistingRow[];
  invalid: RowProblem[];
  duplicates: { row: number; of: number }[];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const LIMITS = { firstName: 100, lastName: 100, email: 200, custom: 500 } as const;

/** The tag an import gives its contacts, or null when the choice is not a tag. */
function resolveTag(db: Db, accountId: number, choice: ImportBookChoice): string | null {
  if (choice.kind !== 'tag') return null;
  const can = contactAbilities(db, accountId);
  if (!can.tags) throw new ImportChoiceError(CHOICE_REFUSALS.noTags(can.provider));
  const name = choice.name.trim();
  if (name === '' || name.length > 60) throw new ImportChoiceError(CHOICE_REFUSALS.tagName());
  return name;
}

function resolveBook(db: Db, accountId: number, choice: ImportBookChoice): ResolvedBook | null {
  const can = contactAbilities(db, accountId);
  const account = getAccount(db, accountId);
  if (choice.kind === 'tag') return null;
  if (choice.kind === 'none') {
    if (can.newContactBook === 'choose')
      throw new ImportChoiceError(CHOICE_REFUSALS.chooseAddressBook(account.name));
    return null;
  }
  if (can.newContactBook === 'none')
    throw new ImportChoiceError(CHOICE_REFUSALS.noBooks(can.provider));
  if (choice.kind === 'provider') {
    const book = getAccountBooks(db, accountId).find((b) => b.id === choice.id);
    if (!book)
      throw new ImportChoiceError(CHOICE_REFUSALS.noSuchAddressBook(account.name, choice.id));
    const localId = prepareOnce(
      db,
      'SELECT id FROM contact_books WHERE account_id = ? AND remote_id = ?',
    )
      .pluck()
      .get(accountId, book.id) as number | undefined;
    return { name: book.name, localId: localId ?? null, remoteId: book.id };
  }
  if (can.newContactBook === 'choose')
    throw new ImportChoiceError(CHOICE_REFUSALS.cannotMakeBooks(account.name));
  const row = (
    choice.kind === 'local'
      ? prepareOnce(
          db,
          'SELECT id, name, remote_id FROM contact_books WHERE id = ? AND account_id = ?',
        ).get(choice.id, accountId)
      : prepareOnce(
          db,
          `SELECT id, name, remote_id FROM contact_books WHERE account_id = ? AND name = ? COLLATE NOCASE
           ORDER BY remote_id IS NULL, id LIMIT 1`,
        ).get(accountId, choice.name.trim())
  ) as { id: number; name: string; remote_id: string | null } | undefined;
  if (row) return { name: row.name, localId: row.id, remoteId: row.remote_id };
  if (choice.kind === 'local') throw new ImportChoiceError(CHOICE_REFUSALS.bookGone());
  const name = choice.name.trim();
  if (name === '' || name.length > 120) throw new ImportChoiceError(CHOICE_REFUSALS.bookName());
  return { name, localId: null, remoteId: null };
}

/** Refuses a mapping the provider could not keep, as one sentence, before the file is read. */
function checkColumns(db: Db, accountId: number, columns: ImportColumns, width: number): void {
  const can = contactAbilities(db, accountId);
  const used = [columns.phone, columns.firstName, columns.lastName, columns.email].filter(
    (c): c is number => c !== undefined,
  );
  for (const c of [...used, ...columns.custom.map((f) => f.column)]) {
    if (c < 0 || c >= width) throw new ImportChoiceError(CHOICE_REFUSALS.noColumn(c + 1));
  }
  if (columns.lastName !== undefined && !can.lastName)
    throw new ImportChoiceError(CHOICE_REFUSALS.oneName(can.provider));
  if (columns.email !== undefined && !can.email)
    throw new ImportChoiceError(CHOICE_REFUSALS.noEmail(can.provider));
  const allowed = can.customFieldNames;
  for (const f of columns.custom) {
    if (f.name.trim() === '') throw new ImportChoiceError(CHOICE_REFUSALS.customUnnamed());
    if (allowed && !allowed.includes(f.name))
      throw new ImportChoiceError(
        allowed.length === 0
          ? CHOICE_REFUSALS.noCustomFields(getAccount(db, accountId).name)
          : CHOICE_REFUSALS.notACustomField(f.name, allowed.join(', ')),
      );
  }
}

interface RowCheck {
  headers: string[];
  columns: ImportColumns;
  defaultCountry: string | undefined;
}

/** A row as a new contact, or the first cell that stops it (row and column named). */
function readRow(record: CsvRecord, check: RowCheck): { contact: NewContact } | RowProblem {
  const { columns, headers } = check;
  const cell = (c: number | undefined) => (c === undefined ? '' : (record.cells[c] ?? '').trim());
  const problem = (c: number, reason: string): RowProblem => ({
    row: record.row,
    column: headers[c] ?? `column ${c + 1}`,
    reason,
  });
  const phone = normalizePhone(cell(columns.phone), {
    ...(check.defaultCountry ? { defaultCountry: check.defaultCountry } : {}),
  });
  if (!phone.ok) return problem(columns.phone, phone.message);
  const contact: NewContact = { phone: phone.provider };
  if (phone.countryIso) contact.countryIso = phone.countryIso;
  for (const key of ['firstName', 'lastName', 'email'] as const) {
    const value = cell(columns[key]);
    if (value === '' || columns[key] === undefined) continue;
    if (value.length > LIMITS[key]) return problem(columns[key], ROW_REASONS.tooLong(LIMITS[key]));
    if (key === 'email' && !EMAIL.test(value))
      return problem(columns[key], ROW_REASONS.notAnEmail(value));
    contact[key] = value;
  }
  const custom: Record<string, string> = {};
  for (const f of columns.custom) {
    const value = cell(f.column);
    if (value.length > LIMITS.custom) return problem(f.column, ROW_REASONS.tooLong(LIMITS.custom));
    if (value !== '') custom[f.name] = value;
  }
  if (Object.keys(custom).length > 0) contact.customFields = custom;
  return { contact };
}

interface LocalContact {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  custom_fields: string;
}

/** The account's contact with this number, in any of the spellings books use ("34…", "+34…", "0034…"). */
function findExisting(db: Db, accountId: number, provider: string): LocalContact | undefined {
  const key = phoneKey(provider);
  return prepareOnce(
    db,
    `SELECT id, first_name, last_name, email, custom_fields FROM contacts
     WHERE account_id = ? AND phone IN (?, ?, ?) ORDER BY id LIMIT 1`,
  ).get(accountId, key, `+${key}`, `00${key}`) as LocalContact | undefined;
}

/** Only values the file adds or changes: an empty cell never wipes what the contact has. */
function patchFor(local: LocalContact, wanted: NewContact): ContactPatch | null {
  const patch: ContactPatch = {};
  if (wanted.firstName && wanted.firstName !== local.first_name) patch.firstName = wanted.firstName;
  if (wanted.lastName && wanted.lastName !== local.last_name) patch.lastName = wanted.lastName;
  if (wanted.email && wanted.email !== local.email) patch.email = wanted.email;
  const had = JSON.parse(local.custom_fields) as Record<string, unknown>;
  const custom: Record<string, string> = {};
  for (const [k, v] of Object.entries(wanted.customFields ?? {})) {
    if (v !== null && String(had[k] ?? '') !== String(v)) custom[k] = String(v);
  }
  if (Object.keys(custom).length > 0) patch.customFields = custom;
  return Object.keys(patch).length > 0 ? patch : null;
}

function isMember(db: Db, bookId: number | null, contactId: number): boolean {
  if (bookId === null) return false;
  return (
    prepareOnce(db, 'SELECT 1 FROM contact_book_members WHERE book_id = ? AND contact_id = ?').get(
      bookId,
      contactId,
    ) !== undefined
  );
}

function hasTag(db: Db, tag: string, contactId: number): boolean {
  return (
    prepareOnce(db, 'SELECT 1 FROM contact_tags WHERE contact_id = ? AND tag = ?').get(
      contactId,
      tag,
    ) !== undefined
  );
}

/** Whether the provider lets an existing contact join the chosen book or tag (see JoinKind). */
function joinKind(db: Db, accountId: number, book: ResolvedBook | null, tag: string | null) {
  const can = contactAbilities(db, accountId);
  if (tag !== null) return 'tag' as const;
  if (book?.remoteId && can.moveToBook) return 'move' as const;
  if (book && can.joinBook) return 'join' as const;
  return null;
}

/**
 * Reads the whole file and decides, row by row, what an import would do: a
 * new contact, an update of the account's contact with that number (only the
 * values the file adds), nothing (already there), or a skip with the row and
 * column that stop it (bad number, bad email, a number an earlier row has).
 * Writes nothing, so a bad file or a Cancel leaves every contact as it was.
 */
export async function planContactsImport(
  db: Db,
  accountId: number,
  path: string,
  options: ImportPlanOptions,
): Promise<ImportPlan> {
  const book = resolveBook(db, accountId, options.book);
  const tag = resolveTag(db, accountId, options.book);
  const sniff = sniffCsv(path, options);
  checkColumns(db, accountId, options.columns, sniff.mapping.headers.length);
  const check: RowCheck = {
    headers: sniff.mapping.headers,
    columns: options.columns,
    defaultCountry: options.defaultCountry,
  };
  const plan: ImportPlan = {
    accountId,
    book,
    tag,
    join: joinKind(db, accountId, book, tag),
    rows: 0,
    blankRows: 0,
    creates: [],
    existing: [],
    invalid: [],
    duplicates: [],
  };
  const seen = new Map<string, number>();
  // The tags API creates no contact without a name (seed 002, create: `name` required).
  const provider = contactAbilities(db, accountId).provider;
  const nameRequired = provider === 'tags';
  await streamRecords(
    sniff,
    (record) => {
      if (sniff.header.present && record.row === 1) return;
      if (isBlankRecord(record.cells)) {
        plan.blankRows += 1;
        return;
      }
      plan.rows += 1;
      const read = readRow(record, check);
      if (!('contact' in read)) {
        plan.invalid.push(read);
        return;
      }
      const key = phoneKey(read.contact.phone ?? '');
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        plan.duplicates.push({ row: record.row, of: earlier });
        return;
      }
      seen.set(key, record.row);
      const local = findExisting(db, accountId, key);
      if (!local && nameRequired && !read.contact.firstName) {
        const column = options.columns.firstName ?? options.columns.phone;
        plan.invalid.push({
          row: record.row,
          column: check.headers[column] ?? `column ${column + 1}`,
          reason: ROW_REASONS.nameNeeded(provider),
        });
        return;
      }
      if (!local) {
        plan.creates.push({ row: record.row, contact: read.contact });
        return;
      }
      plan.existing.push({
        row: record.row,
        contactId: local.id,
        name: `${local.first_name} ${local.last_name}`.trim(),
        inBook:
          tag !== null ? hasTag(db, tag, local.id) : isMember(db, book?.localId ?? null, local.id),
        patch: patchFor(local, read.contact),
      });
    },
    {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
  );
  return plan;
}
