import { z } from 'zod';
import { StagedFileToken } from './files';

/**
 * The CSV wizard's channels. The file is always a staged file's token
 * (`files.stage`), never a path. Analysis runs in main, reports progress with
 * the `bulk.progress` event under the caller's `runId`, and can be cancelled
 * by that id; nothing is queued until `bulk.start`.
 */

const Delimiter = z.enum([',', ';', '\t', '|']);
const CsvEncodingName = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1']);
const Country = z.string().regex(/^[A-Z]{2}$/);
export const RunId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** How to read the file: every field overrides a guess. */
export const BulkFileOptions = z.object({
  file: StagedFileToken,
  encoding: CsvEncodingName.optional(),
  delimiter: Delimiter.optional(),
  header: z.boolean().optional(),
  /** A column's header (or 1-based number). */
  phoneColumn: z.string().min(1).max(200).optional(),
  defaultCountry: Country.optional(),
});

export const BulkSniffRequest = BulkFileOptions.strict();
export const BulkSniffReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    name: z.string(),
    bytes: z.number().int(),
    encoding: z.object({ name: z.string(), guessed: z.boolean(), reason: z.string() }),
    delimiter: z.object({
      char: z.string(),
      name: z.string(),
      guessed: z.boolean(),
      reason: z.string(),
    }),
    header: z.object({ present: z.boolean(), guessed: z.boolean() }),
    /** Column headers as written, by index. */
    columns: z.array(z.string()),
    /** The merge-field name of each column, by index. */
    fields: z.array(z.string()),
    /** role (phone, name, country…) → column index and how it was found. */
    roles: z.record(z.string(), z.object({ column: z.number().int(), by: z.string() })),
    /** The first data rows, decoded. */
    preview: z.array(z.array(z.string())),
  }),
  z.object({ ok: z.literal(false), message: z.string(), row: z.number().int().optional() }),
]);

/** What to send, and with which account. */
export const BulkMessageOptions = z.object({
  accountId: z.number().int().positive(),
  template: z.string().min(1).max(5_000),
  messageEncoding: z.enum(['auto', 'gsm', 'gsm-pt', 'ucs2']).default('auto'),
  maxParts: z.number().int().min(1).max(15).default(15),
  marketing: z.boolean().default(false),
  /** Send at (ms since the epoch); absent = now. */
  at: z.number().int().positive().optional(),
});

export const BulkAnalyzeRequest = BulkFileOptions.extend({ runId: RunId })
  .extend(BulkMessageOptions.shape)
  .strict();

const Issue = z.object({
  row: z.number().int(),
  code: z.string(),
  column: z.string().optional(),
  reason: z.string(),
  duplicateOf: z.number().int().optional(),
});
const Preview = z.object({
  row: z.number().int(),
  to: z.string(),
  text: z.string(),
  segments: z.number().int(),
  encoding: z.string(),
});

/** The validation report as the wizard shows it (the lists are the first rows of each kind). */
export const BulkReportView = z.object({
  rows: z.number().int(),
  blankRows: z.number().int(),
  valid: z.number().int(),
  invalid: z.array(Issue),
  invalidCount: z.number().int(),
  duplicates: z.number().int(),
  duplicateRows: z.array(z.object({ row: z.number().int(), of: z.number().int() })),
  suppressed: z.number().int(),
  suppressedRows: z.array(Issue),
  deferred: z.number().int(),
  warnings: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      rows: z.number().int(),
      firstRow: z.number().int(),
    }),
  ),
  segments: z.object({ min: z.number().int(), max: z.number().int(), total: z.number().int() }),
  cost: z
    .object({
      currency: z.string(),
      min: z.number(),
      max: z.number(),
      complete: z.boolean(),
    })
    .nullable(),
  costNote: z.string().nullable(),
  balance: z
    .object({
      balance: z.number(),
      currency: z.string().nullable(),
      covers: z.boolean(),
      message: z.string().nullable(),
    })
    .nullable(),
  preview: z.object({ first: z.array(Preview), longest: Preview.nullable() }),
  /** How many rejected rows the download holds (it keeps the first 100,000). */
  rejectedInDownload: z.number().int(),
});

/** When the messages go out: now, held at the provider for `at`, or held here until `at`. */
export const BulkSchedule = z.object({
  mode: z.enum(['now', 'provider', 'local']),
  at: z.number().nullable(),
});

export const BulkAnalyzeReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    runId: RunId,
    report: BulkReportView,
    schedule: BulkSchedule,
    /** A name for the job (its campaign name at the provider), from the file name and the time. */
    suggestedName: z.string(),
  }),
  z.object({
    ok: z.literal(false),
    /** 'cancelled' when the person stopped it. */
    cancelled: z.boolean(),
    message: z.string(),
    row: z.number().int().optional(),
  }),
]);

export const BulkCancelRequest = z.object({ runId: RunId }).strict();
export const BulkCancelReply = z.object({ cancelled: z.boolean() });

/** The rejected rows of a finished analysis as a CSV, staged for `files.read`. */
export const BulkRejectedRequest = z.object({ runId: RunId }).strict();
export const DownloadReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    token: StagedFileToken,
    name: z.string(),
    size: z.number().int(),
    rows: z.number().int(),
  }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

/** Queues the file as one bulk job (a fresh pass over the file; the staged file is then discarded). */
export const BulkStartRequest = BulkAnalyzeRequest.extend({
  sender: z.string().min(1).max(15),
  /** The job's name; also the provider's campaign name. */
  jobName: z.string().trim().min(1).max(100),
}).strict();
export const BulkStartReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), jobId: z.number().int(), queued: z.number().int() }),
  z.object({
    ok: z.literal(false),
    cancelled: z.boolean(),
    field: z.enum(['sender', 'jobName', 'file', 'template']).nullable(),
    message: z.string(),
  }),
]);
