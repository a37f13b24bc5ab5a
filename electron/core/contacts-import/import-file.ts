import { chooseBook } from '../accounts/books';
import { type CsvSniff, type SniffOptions, sniffCsv } from '../bulk';
import type { Db } from '../db/connection';
import { contactAbilities } from '../sync/contacts/abilities';
import { guessImportColumns } from './guess';
import {
  type ImportBookChoice,
  ImportChoiceError,
  type ImportPlan,
  planContactsImport,
} from './plan';
import { type ImportOutcome, writeContactsImport } from './write';

/** The 360nrs group an import goes into when none is named. */
export const DEFAULT_IMPORT_BOOK = 'Imported by Outpost';

export interface FileImportOptions extends Pick<SniffOptions, 'phoneColumn' | 'defaultCountry'> {
  /** A book by name (or an address-book account's book id); a 360nrs group is made if missing. */
  book?: string;
  /** A tag for every imported contact (tags API). */
  tag?: string;
  /** Also put the contacts that already exist into the book (or give them the tag). */
  addExisting: boolean;
}

export interface FileImport {
  sniff: CsvSniff;
  plan: ImportPlan;
  outcome: ImportOutcome;
}

/** The book or tag from what was typed, refused in one sentence when the provider has none. */
function bookChoice(db: Db, accountId: number, options: FileImportOptions): ImportBookChoice {
  const can = contactAbilities(db, accountId);
  if (options.tag !== undefined) {
    if (options.book !== undefined)
      throw new ImportChoiceError('Choose a book or a tag, not both.');
    return { kind: 'tag', name: options.tag };
  }
  if (can.newContactBook === 'none') {
    if (options.book === undefined) return { kind: 'none' };
    throw new ImportChoiceError(
      can.tags
        ? `The ${can.provider} API keeps no contact books; give the contacts a tag instead.`
        : `The ${can.provider} API keeps no contact books.`,
    );
  }
  if (can.newContactBook === 'choose') {
    const book = chooseBook(db, accountId, options.book);
    return book ? { kind: 'provider', id: book.id } : { kind: 'none' };
  }
  // A book of that name (any case) is found by the planner; else it is made.
  return { kind: 'new', name: options.book ?? DEFAULT_IMPORT_BOOK };
}

/**
 * Imports a CSV file the way the app's dialog does, with the columns the
 * importer recognises (guess.ts) and the book or tag named: the same plan
 * (so a re-import adds nothing and each bad row is named by row and column)
 * and the same write (pending changes the next sync pushes).
 */
export async function importContactsFile(
  db: Db,
  accountId: number,
  path: string,
  options: FileImportOptions,
): Promise<FileImport> {
  const book = bookChoice(db, accountId, options);
  const read: SniffOptions = {
    ...(options.phoneColumn !== undefined ? { phoneColumn: options.phoneColumn } : {}),
    ...(options.defaultCountry !== undefined ? { defaultCountry: options.defaultCountry } : {}),
  };
  const sniff = sniffCsv(path, read);
  const columns = guessImportColumns(sniff.mapping, contactAbilities(db, accountId));
  if (!columns)
    throw new ImportChoiceError(
      'No column of the file was recognised as holding phone numbers; name the column that does.',
    );
  const plan = await planContactsImport(db, accountId, path, {
    ...read,
    encoding: sniff.encoding.name,
    delimiter: sniff.delimiter.char,
    header: sniff.header.present,
    columns,
    book,
  });
  const outcome = await writeContactsImport(db, plan, { addExisting: options.addExisting });
  return { sniff, plan, outcome };
}
