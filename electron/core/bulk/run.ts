import type { CoveragePrice } from '../../../shared/cost';
import { parseTemplate, type Template } from '../../../shared/merge';
import type { EncodingChoice } from '../../../shared/sms';
import type { Db } from '../db/connection';
import type { NewMessage } from '../outbox/enqueue';
import { BulkOptionError, CsvFileError, NothingToQueueError } from './errors';
import {
  addImportChunk,
  cleanAbandonedImports,
  discardImportJob,
  finishImportJob,
  startImportJob,
} from './import-job';
import { BULK_LIMITS, POOL, quoteList } from './limits';
import type { CheckPool } from './pool/check-pool';
import { openCheckPool, poolThreads } from './pool/check-pool';
import type { CheckSetup } from './pool/check-setup';
import { scanOffThread } from './pool/off-thread-scan';
import { type RowSink, scanPooled } from './pool/pooled-scan';
import { scanSliced } from './pool/sliced-scan';
import { planSlices } from './pool/slices';
import { providerTemplate, renameFields } from './provider-template';
import { isBlankRecord, type RecordProgress, streamRecords } from './records';
import { type BulkReport, ReportBuilder } from './report';
import { RowChecker, type RowOutcome, type SuppressionLookup, type ValidRow } from './row-check';
import { type CsvSniff, type SniffOptions, sniffCsv } from './sniff';

export interface BulkOptions extends Omit<SniffOptions, 'maxFileBytes'> {
  csvPath: string;
  template: string;
  /** Message encoding: auto (the cheapest that fits) or forced. */
  messageEncoding?: EncodingChoice;
  maxParts?: number;
  marketing?: boolean;
  sendAt?: Date;
  suppressed?: SuppressionLookup;
  /** The account's coverage price list; without it the report has no cost. */
  prices?: readonly CoveragePrice[] | null;
  currency?: string;
  balance?: number | null;
  costNote?: string | null;
  keepRows?: number;
  onProgress?: (progress: RecordProgress) => void;
  signal?: AbortSignal;
  maxFileBytes?: number;
  chunkRows?: number;
  /**
   * Worker threads that check the rows: 0 checks them in this thread; by
   * default a pool of one per core, for files big enough to repay starting it.
   */
  checkThreads?: number;
  /**
   * Read and check the file in a worker thread, this thread only finishing
   * each row (lists, duplicates, report): for the app's main process, whose
   * event loop must keep answering the window. Files under
   * `POOL.offThreadMinBytes` are still checked here (a worker costs more).
   */
  offMainThread?: boolean;
  /**
   * false: the pool's workers get chunks of rows parsed in this thread (the
   * round-6 path, kept for files that cannot be cut and for A/B benches)
   * instead of reading their own slices of the file.
   */
  slices?: boolean;
}

export interface EnqueueTarget {
  db: Db;
  accountId: number;
  sender: string;
  /** Also the provider's campaign name: one campaign per job on its dashboard. */
  jobName: string;
  /** How long each message stays valid, counted from when it may go out (`--valid-for`). */
  validForMs?: number | null;
}

/** The template must be renderable and every field it uses must be a column (or a role like {name}). */
function checkTemplate(template: ReturnType<typeof parseTemplate>, sniff: CsvSniff): void {
  const [problem] = template.problems;
  if (problem) throw new BulkOptionError(`The template cannot be used: ${problem.message}.`);
  const known = new Set([...sniff.mapping.fields, ...Object.keys(sniff.mapping.roles)]);
  const unknown = template.fields.filter((f) => !known.has(f));
  if (unknown.length > 0) {
    throw new BulkOptionError(
      `The template uses {${unknown.join('}, {')}} but the file has no such column; its merge fields are ${sniff.mapping.fields.map((f) => `{${f}}`).join(', ')}.`,
    );
  }
}

function requirePhone(sniff: CsvSniff): void {
  if (sniff.mapping.roles.phone) return;
  throw new BulkOptionError(
    `No column of phone numbers was recognised; name it with --phone-column (the columns are ${quoteList(sniff.mapping.headers)}).`,
  );
}

/** Sniffs the file and checks the options against it, before any row is read. */
export function prepareBulk(options: BulkOptions): {
  sniff: CsvSniff;
  checker: RowChecker;
  template: Template;
} {
  const sniff = sniffCsv(options.csvPath, options);
  requirePhone(sniff);
  const template = parseTemplate(options.template);
  checkTemplate(template, sniff);
  const checker = new RowChecker(sniff.mapping, {
    template,
    ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
    ...(options.messageEncoding ? { encoding: options.messageEncoding } : {}),
    ...(options.maxParts ? { maxParts: options.maxParts } : {}),
    ...(options.marketing !== undefined ? { marketing: options.marketing } : {}),
    ...(options.sendAt ? { sendAt: options.sendAt } : {}),
    ...(options.suppressed ? { suppressed: options.suppressed } : {}),
  });
  return { sniff, checker, template };
}

/**
 * Reads the whole file once, checks every row and, when `onValid` is given,
 * hands each sendable row to it as it goes, in file order. Memory stays
 * bounded: the report keeps totals and the first problem rows only, and the
 * pool's chunks in flight are capped.
 */
async function scan(
  options: BulkOptions,
  { sniff, checker }: { sniff: CsvSniff; checker: RowChecker },
  onValid?: (row: ValidRow) => void,
): Promise<BulkReport> {
  const builder = new ReportBuilder(
    options.keepRows ?? BULK_LIMITS.keepRows,
    options.prices ?? null,
    options.currency,
  );
  const take = (outcome: RowOutcome) => {
    if (!outcome.ok) return builder.addIssue(outcome.issue);
    builder.addValid(outcome.valid);
    onValid?.(outcome.valid);
  };
  const sink: RowSink = {
    blank: () => builder.blank(),
    inspected: (i) => take(checker.finish(i)),
  };
  const pool = await poolFor(options, sniff);
  let done = false;
  if (pool) {
    try {
      done = await scanOnPool(options, sniff, checkSetup(options, sniff, checker), pool, sink);
    } finally {
      await pool.close();
    }
  }
  if (!done && !(await offThread(options, sniff, checker, sink))) {
    await scanInThread(options, sniff, checker, builder, take);
  }
  const report = builder.build(sniff, {
    costNote:
      options.costNote ??
      (options.prices ? null : 'No price list was available, so the cost was not estimated.'),
    balance: options.balance ?? null,
    balanceCurrency: options.currency ?? null,
  });
  if (report.rows === 0) throw new CsvFileError('The file has a header but no data rows.');
  return report;
}

/**
 * The check on the pool: each worker reads and checks its own slices of the
 * file when the file can be cut exactly (`planSlices`). A file that cannot be
 * is parsed in this thread and its rows' chunks inspected by the workers, or,
 * off the main thread, left to the one-worker scan (false: not checked here).
 */
async function scanOnPool(
  options: BulkOptions,
  sniff: CsvSniff,
  setup: CheckSetup,
  pool: CheckPool,
  sink: RowSink,
): Promise<boolean> {
  const progress = {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const plan =
    options.slices === false
      ? null
      : await planSlices(sniff, sliceBytes(sniff.bytes, pool.threads));
  if (plan) {
    await scanSliced(sniff, plan, pool, setup, sink, {
      maxAhead: pool.threads + POOL.slicesAheadSpare,
      progressEvery: POOL.chunkRows,
      ...progress,
    });
    return true;
  }
  if (options.offMainThread && options.checkThreads === undefined) return false;
  await scanPooled(sniff, pool, setup, sink, {
    chunkRows: POOL.chunkRows,
    maxInFlight: POOL.inFlightPerThread * pool.threads,
    ...progress,
  });
  return true;
}

/** Enough slices to keep every worker busy to the end, none so big that many in flight weigh. */
function sliceBytes(fileBytes: number, threads: number): number {
  const even = Math.ceil(fileBytes / (threads * POOL.slicesPerThread));
  return Math.max(POOL.sliceMinBytes, Math.min(POOL.sliceMaxBytes, even));
}

/** The check in this thread, row by row as the file streams (small files, or no worker script). */
function scanInThread(
  options: BulkOptions,
  sniff: CsvSniff,
  checker: RowChecker,
  builder: ReportBuilder,
  take: (outcome: RowOutcome) => void,
): Promise<unknown> {
  const skipHeader = sniff.header.present;
  return streamRecords(
    sniff,
    (record) => {
      if (skipHeader && record.row === 1) return;
      if (isBlankRecord(record.cells)) return builder.blank();
      take(checker.check(record.row, record.cells, record.quoteProblem));
    },
    {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
}

/** The off-thread scan when asked for and the file is big enough; false when it did not run. */
function offThread(
  options: BulkOptions,
  sniff: CsvSniff,
  checker: RowChecker,
  sink: RowSink,
): Promise<boolean> {
  if (!options.offMainThread || sniff.bytes < POOL.offThreadMinBytes) {
    return Promise.resolve(false);
  }
  return scanOffThread(sniff, checkSetup(options, sniff, checker), sink, {
    chunkRows: POOL.chunkRows,
    maxUnacknowledged: POOL.offThreadChunksAhead,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/**
 * A pool when asked for (`checkThreads`, `OUTPOST_CHECK_THREADS`), or by
 * default off the main thread (the app, whose warm pool serves the wizard's
 * analysis and then its start) from `POOL.offThreadMinBytes`. The CLI's
 * check stays in its thread unless asked: a CLI process starts its workers
 * for one check, and that was not shown repaid on this 2-core machine
 * (bench/RESULTS.md, bulk: the threshold table's fresh pool).
 */
async function poolFor(options: BulkOptions, sniff: CsvSniff): Promise<CheckPool | null> {
  if (options.checkThreads !== undefined) {
    return options.checkThreads > 0 ? openCheckPool(options.checkThreads) : null;
  }
  const fromEnv = threadsFromEnv();
  if (fromEnv !== undefined) {
    if (fromEnv === 0 || sniff.bytes < POOL.minFileBytes) return null;
    return openCheckPool(Math.min(fromEnv, poolThreads()));
  }
  if (!options.offMainThread || sniff.bytes < POOL.offThreadMinBytes) return null;
  return openCheckPool(poolThreads());
}

/** OUTPOST_CHECK_THREADS: a number of workers, 0 for this thread only; undefined when unset. */
function threadsFromEnv(): number | undefined {
  const raw = process.env.OUTPOST_CHECK_THREADS;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

let setupCount = 0;

/** The job's row-check settings as plain data for the workers (the same as `checker`'s). */
function checkSetup(options: BulkOptions, sniff: CsvSniff, checker: RowChecker): CheckSetup {
  return {
    key: `${process.pid}:${++setupCount}`,
    mapping: sniff.mapping,
    template: options.template,
    sendAtMs: checker.sendAt.getTime(),
    ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
    ...(options.messageEncoding ? { encoding: options.messageEncoding } : {}),
    ...(options.maxParts ? { maxParts: options.maxParts } : {}),
    ...(options.marketing !== undefined ? { marketing: options.marketing } : {}),
  };
}

/** Validates a CSV for a bulk send without queueing anything (the dry run). */
export async function analyzeBulk(options: BulkOptions): Promise<BulkReport> {
  return scan(options, prepareBulk(options));
}

function toMessage(
  v: ValidRow,
  target: EnqueueTarget,
  jobId: number,
  options: BulkOptions,
  sent: ReturnType<typeof providerTemplate>,
): NewMessage {
  return {
    accountId: target.accountId,
    jobId,
    recipient: v.recipient,
    sender: target.sender,
    template: sent.source,
    fields: renameFields(v.fields, sent.rename),
    body: v.text,
    encoding: v.encoding,
    segments: v.segments,
    maxParts: options.maxParts ?? 15,
    scheduledFor: scheduledFor(v, options),
    campaignName: target.jobName,
    expiresAt:
      target.validForMs != null
        ? Math.max(scheduledFor(v, options) ?? Date.now(), Date.now()) + target.validForMs
        : null,
  };
}

/** A row held back to its country's sending hours goes then; otherwise at the job's --at, if any. */
function scheduledFor(v: ValidRow, options: BulkOptions): number | null {
  return v.deferredUntil ?? options.sendAt?.getTime() ?? null;
}

/**
 * Validates and queues the valid rows as one bulk job, in chunked
 * transactions while the file streams. The job stays 'importing' (never
 * sent) until the last chunk, which switches it to 'active' in the same
 * transaction; on any failure the partial job is deleted. Either the whole
 * job is queued or nothing is.
 */
export async function importBulk(options: BulkOptions, target: EnqueueTarget): Promise<BulkReport> {
  cleanAbandonedImports(target.db);
  const prepared = prepareBulk(options);
  const { sniff } = prepared;
  const jobId = startImportJob(target.db, {
    accountId: target.accountId,
    name: target.jobName,
    sender: target.sender,
    template: options.template,
    mapping: mappingRecord(sniff),
    sourceFile: options.csvPath,
  });
  const chunkRows = options.chunkRows ?? BULK_LIMITS.chunkRows;
  // The template parsed once in prepareBulk serves every row and the provider form.
  const sent = providerTemplate(prepared.template);
  let chunk: NewMessage[] = [];
  try {
    const report = await scan(options, prepared, (v) => {
      chunk.push(toMessage(v, target, jobId, options, sent));
      if (chunk.length >= chunkRows) {
        addImportChunk(target.db, jobId, chunk);
        chunk = [];
      }
    });
    if (report.valid === 0) throw new NothingToQueueError();
    finishImportJob(target.db, jobId, chunk);
    return { ...report, jobId };
  } catch (error) {
    discardImportJob(target.db, jobId);
    throw error;
  }
}

/** The column mapping saved with the job (bulk_jobs.mapping). */
function mappingRecord(sniff: CsvSniff): Record<string, unknown> {
  return {
    encoding: sniff.encoding.name,
    delimiter: sniff.delimiter.char,
    header: sniff.header.present,
    columns: sniff.mapping.headers,
    fields: sniff.mapping.fields,
    roles: Object.fromEntries(
      Object.entries(sniff.mapping.roles).map(([role, where]) => [
        role,
        { column: sniff.mapping.headers[where.column], index: where.column, by: where.by },
      ]),
    ),
  };
}
