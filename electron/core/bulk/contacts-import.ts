import { normalizePhone } from '../../../shared/phone';
import { chooseBook } from '../accounts/books';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { createContactOffline } from '../sync/contacts/edit';
import type { NewContact } from '../sync/contacts/model';
import { type CsvRecord, isBlankRecord, streamRecords } from './records';
import { type CsvSniff, type SniffOptions, sniffCsv } from './sniff';

export interface ContactsImportReport {
  rows: number;
  imported: number;
  invalid: { row: number; column: string; reason: string }[];
  sniff: Pick<CsvSniff, 'encoding' | 'delimiter' | 'header'>;
}

const CHUNK = 500;

export interface ContactsImportOptions extends SniffOptions {
  /**
   * The contact book the contacts go into: a 360nrs group by name (created if
   * missing; default "Imported by Outpost"), or one of an address-book
   * account's books by id or name (required when it has several).
   */
  book?: string;
}

export const DEFAULT_IMPORT_BOOK = 'Imported by Outpost';

function contactFrom(
  record: CsvRecord,
  sniff: CsvSniff,
  options: ContactsImportOptions,
  book: Pick<NewContact, 'bookIds' | 'bookNames'>,
) {
  const defaultCountry = options.defaultCountry;
  const { roles, headers, fields } = sniff.mapping;
  const cell = (role: keyof typeof roles) => {
    const column = roles[role]?.column;
    return column === undefined ? '' : (record.cells[column] ?? '').trim();
  };
  const country = cell('country').toUpperCase();
  const phone = normalizePhone(cell('phone'), {
    ...(/^[A-Z]{2}$/.test(country)
      ? { defaultCountry: country }
      : defaultCountry
        ? { defaultCountry }
        : {}),
  });
  if (!phone.ok) {
    const column = headers[roles.phone?.column ?? 0] ?? 'phone';
    return { problem: { row: record.row, column, reason: phone.message } };
  }
  const roleColumns = new Set(Object.values(roles).map((r) => r.column));
  const customFields: Record<string, string> = {};
  fields.forEach((name, i) => {
    const value = (record.cells[i] ?? '').trim();
    if (!roleColumns.has(i) && value !== '') customFields[name] = value;
  });
  const contact: NewContact = {
    phone: phone.provider,
    firstName: cell('name'),
    lastName: cell('surname'),
    email: cell('email'),
    customFields,
    ...book,
    ...(phone.countryIso ? { countryIso: phone.countryIso } : {}),
  };
  return { contact };
}

/**
 * `outpost contacts import`: reads a CSV with the bulk importer's encoding,
 * dialect and column detection and adds each valid row as a contact made
 * offline — it reaches the provider at the next `contacts sync`, like any
 * offline edit. Invalid rows are reported by row and column; nothing is
 * added when the file itself cannot be read.
 */
export async function importContactsCsv(
  db: Db,
  accountId: number,
  path: string,
  options: ContactsImportOptions,
): Promise<ContactsImportReport> {
  // The book is settled before the file is read: a wrong one is one sentence, not a failure per row.
  const chosen = chooseBook(db, accountId, options.book);
  const book = chosen
    ? { bookIds: [chosen.id] }
    : { bookNames: [options.book ?? DEFAULT_IMPORT_BOOK] };
  const sniff = sniffCsv(path, options);
  const contacts: NewContact[] = [];
  const invalid: ContactsImportReport['invalid'] = [];
  let rows = 0;
  await streamRecords(sniff, (record) => {
    if ((sniff.header.present && record.row === 1) || isBlankRecord(record.cells)) return;
    rows += 1;
    const result = contactFrom(record, sniff, options, book);
    if ('problem' in result && result.problem) invalid.push(result.problem);
    else if (result.contact) contacts.push(result.contact);
  });
  for (let i = 0; i < contacts.length; i += CHUNK) {
    writeTransaction(db, () => {
      for (const contact of contacts.slice(i, i + CHUNK))
        createContactOffline(db, accountId, contact);
    });
  }
  return {
    rows,
    imported: contacts.length,
    invalid,
    sniff: { encoding: sniff.encoding, delimiter: sniff.delimiter, header: sniff.header },
  };
}
