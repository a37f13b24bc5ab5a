import { z } from 'zod';
import { BulkFileOptions, DownloadReply, RunId } from './bulk';

/**
 * Importing contacts from a CSV into a book (the Contacts view). The file is a
 * staged file's token and is read with the bulk importer (`bulk.sniff` shows
 * what was detected). `contactsImport.check` reads it all and says what would
 * happen, row by row, writing nothing; `contactsImport.run` writes that plan.
 * Both report progress with `contactsImport.progress` under the run id and
 * stop on `contactsImport.cancel`.
 */

const Column = z.number().int().min(0).max(999);

export const ImportColumnsSchema = z
  .object({
    phone: Column,
    firstName: Column.optional(),
    lastName: Column.optional(),
    email: Column.optional(),
    custom: z
      .array(z.object({ column: Column, name: z.string().trim().min(1).max(60) }).strict())
      .max(50)
      .default([]),
  })
  .strict();

export const ImportBookSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local'), id: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('provider'), id: z.string().trim().min(1).max(64) }).strict(),
  z.object({ kind: z.literal('new'), name: z.string().trim().min(1).max(120) }).strict(),
  z.object({ kind: z.literal('tag'), name: z.string().trim().min(1).max(60) }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);

export const ContactsImportCheckRequest = BulkFileOptions.omit({ phoneColumn: true })
  .extend({
    runId: RunId,
    accountId: z.number().int().positive(),
    columns: ImportColumnsSchema,
    book: ImportBookSchema,
  })
  .strict();

const Problem = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });

/** What the import would do; the lists hold the first rows of each kind, the counts all of them. */
export const ContactsImportReport = z.object({
  rows: z.number().int(),
  blankRows: z.number().int(),
  add: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  /** Rows whose contact is already in the chosen book (or has the chosen tag). */
  alreadyInBook: z.number().int(),
  /** Existing contacts the import can also put into the book (or tag), on request. */
  joinable: z.number().int(),
  /** Of those, the ones the file changes nothing else in. */
  joinOnly: z.number().int(),
  /** How they would join: moved to the book (address-book API), tagged, added to the group (360nrs), or not offered. */
  join: z.enum(['move', 'tag', 'join']).nullable(),
  /** The tag every imported contact gets, for a tags account. */
  tag: z.string().nullable(),
  invalidCount: z.number().int(),
  invalid: z.array(Problem),
  duplicateCount: z.number().int(),
  duplicates: z.array(z.object({ row: z.number().int(), of: z.number().int() })),
  existing: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      inBook: z.boolean(),
      change: z.enum(['update', 'same']),
    }),
  ),
  book: z.object({ name: z.string(), isNew: z.boolean() }).nullable(),
});

const Refused = z.object({
  ok: z.literal(false),
  /** true when the person stopped it. */
  cancelled: z.boolean(),
  message: z.string(),
  row: z.number().int().optional(),
});

export const ContactsImportCheckReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), runId: RunId, report: ContactsImportReport }),
  Refused,
]);

export const ContactsImportRunRequest = z
  .object({
    runId: RunId,
    /** Also add the existing contacts to the book (or give them the tag); the check says how many. */
    addExisting: z.boolean().default(false),
  })
  .strict();
export const ContactsImportRunReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    added: z.number().int(),
    updated: z.number().int(),
    joined: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    book: z.string().nullable(),
    tag: z.string().nullable(),
  }),
  Refused,
]);

export const ContactsImportCancelRequest = z.object({ runId: RunId }).strict();
export const ContactsImportCancelReply = z.object({ cancelled: z.boolean() });

/** The skipped rows of a checked file as a CSV, staged for `files.read`. */
export const ContactsImportSkippedRequest = z.object({ runId: RunId }).strict();
export const ContactsImportSkippedReply = DownloadReply;
