import { type Command, Option } from 'commander';
import type { BulkOptions, BulkReport, CsvEncoding, RecordProgress } from '../../core/bulk';
import { CSV_ENCODINGS } from '../../core/bulk/csv-encodings';
import { type CliContext, output, withContext } from '../context';
import { UsageError } from '../errors';
import type { GlobalOptions } from '../io';
import { parseAtOption } from './send';

// The CSV importer, the phone metadata and the providers are imported inside the
// action (electron/cli/README.md): `outpost --help` must not load them.
const bulkModule = () => import('../../core/bulk');

interface BulkCliOptions {
  account: string;
  csv: string;
  from: string;
  template: string;
  phoneColumn?: string;
  defaultCountry?: string;
  name?: string;
  dryRun?: boolean;
  enqueue?: boolean;
  csvEncoding: string;
  delimiter: string;
  header?: boolean;
  encoding: 'auto' | 'gsm' | 'gsm-pt' | 'ucs2';
  maxParts: string;
  marketing?: boolean;
  offline?: boolean;
  at?: string;
  validFor?: string;
}

/** Checks what can be checked without the file or the database (exit 2 on a mistake). */
export async function parseBulkOptions(
  o: BulkCliOptions,
): Promise<Omit<BulkOptions, 'prices' | 'balance' | 'currency'>> {
  const [{ checkSender }, { isSupportedCountry }, { parseDelimiter }] = await Promise.all([
    import('../../../shared/send/sender'),
    import('libphonenumber-js'),
    bulkModule(),
  ]);
  if (Boolean(o.dryRun) === Boolean(o.enqueue)) {
    throw new UsageError(
      'Choose exactly one of --dry-run (check and report) or --enqueue (check and queue)',
    );
  }
  const sender = checkSender(o.from);
  if (sender) throw new UsageError(sender.message);
  if (o.defaultCountry !== undefined && !isSupportedCountry(o.defaultCountry.toUpperCase())) {
    throw new UsageError(
      `--default-country "${o.defaultCountry}" is not an ISO 3166-1 alpha-2 code such as ES`,
    );
  }
  const maxParts = Number(o.maxParts);
  if (!Number.isInteger(maxParts) || maxParts < 1 || maxParts > 15) {
    throw new UsageError(`--max-parts must be a whole number from 1 to 15, not "${o.maxParts}"`);
  }
  const csvEncoding = o.csvEncoding.toLowerCase();
  if (csvEncoding !== 'auto' && !(CSV_ENCODINGS as readonly string[]).includes(csvEncoding)) {
    throw new UsageError(`--csv-encoding must be auto or one of ${CSV_ENCODINGS.join(', ')}`);
  }
  const delimiter = o.delimiter === 'auto' ? undefined : parseDelimiter(o.delimiter);
  if (o.delimiter !== 'auto' && delimiter === undefined) {
    throw new UsageError(
      `--delimiter must be auto, comma, semicolon, tab or pipe, not "${o.delimiter}"`,
    );
  }
  const sendAt = await parseAtOption(o.at);
  return {
    ...(sendAt !== null ? { sendAt: new Date(sendAt) } : {}),
    csvPath: o.csv,
    template: o.template,
    messageEncoding: o.encoding,
    maxParts,
    marketing: o.marketing ?? false,
    ...(o.phoneColumn !== undefined ? { phoneColumn: o.phoneColumn } : {}),
    ...(o.defaultCountry !== undefined ? { defaultCountry: o.defaultCountry.toUpperCase() } : {}),
    ...(csvEncoding !== 'auto' ? { encoding: csvEncoding as CsvEncoding } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(o.header !== undefined ? { header: o.header } : {}),
  };
}

async function parseValidFor(text: string | undefined): Promise<number | null> {
  if (text === undefined) return null;
  const { parseDuration } = await import('../../../shared/send/timing');
  const d = parseDuration(text);
  if (!d.ok) throw new UsageError(`--valid-for: ${d.message}`);
  return d.ms;
}

/** A one-line bar redrawn in place; only when stderr is a terminal. */
function progressBar(): ((p: RecordProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => {
    const fraction = p.totalBytes === 0 ? 1 : Math.min(1, p.bytesRead / p.totalBytes);
    const filled = Math.round(fraction * 30);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${Math.round(fraction * 100)}% ${p.rows.toLocaleString('en')} rows`,
    );
  };
}

/** Price list, balance and a fresh provider blacklist, when the account is reachable. */
async function onlineFacts(ctx: CliContext, accountId: number, offline: boolean) {
  if (offline)
    return {
      prices: null,
      currency: null,
      balance: null,
      note: 'Offline: the cost was not estimated.',
    };
  const [{ syncBlacklist }, { fetchPricing }] = await Promise.all([
    import('../../core/sync'),
    bulkModule(),
  ]);
  try {
    const adapter = ctx.pool.get(accountId);
    // In parallel, so an unreachable provider costs one timeout, not two.
    const [, pricing] = await Promise.all([
      syncBlacklist(ctx.db, accountId, adapter, {
        signal: AbortSignal.timeout(8_000),
        maxPages: 50,
      }).catch(() => undefined),
      fetchPricing(adapter),
    ]);
    return pricing;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      prices: null,
      currency: null,
      balance: null,
      note: `The cost was not estimated: ${why}`,
    };
  }
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

export function humanReport(r: BulkReport): string {
  const f = r.file;
  const lines = [
    `${f.path}: ${f.encoding.name} (${f.encoding.reason}), ${f.delimiter.name}-separated, ${f.header.present ? 'with a header row' : 'no header row'}; phone column "${f.mapping.phone?.column ?? '?'}".`,
    `Columns: ${f.columns.join(' | ')}`,
    `${plural(r.rows, 'row')}: ${r.valid.toLocaleString('en')} valid, ${r.invalidCount.toLocaleString('en')} invalid, ${plural(r.duplicates, 'duplicate')}, ${r.suppressed.toLocaleString('en')} suppressed${r.deferred ? `, ${r.deferred} deferred to the allowed sending hours` : ''}.`,
    ...r.invalid
      .slice(0, 20)
      .map((i) => `  row ${i.row}${i.column ? ` (${i.column})` : ''}: ${i.reason}`),
    ...(r.invalidCount > 20
      ? [`  … and ${r.invalidCount - 20} more (use --json for the list)`]
      : []),
    ...r.suppressedRows.slice(0, 5).map((i) => `  row ${i.row}: ${i.reason}`),
    ...r.warnings.map(
      (w) => `  warning (${plural(w.rows, 'row')}, first row ${w.firstRow}): ${w.message}`,
    ),
    `Segments: min ${r.segments.min}, max ${r.segments.max}, total ${r.segments.total.toLocaleString('en')}.`,
  ];
  if (r.cost) {
    const t = r.cost.totals;
    lines.push(
      `Cost: ${t.min}–${t.max} ${t.currency}${t.complete ? '' : ' (some countries have no price)'}${r.balance ? `; balance ${r.balance.balance} ${r.balance.currency ?? ''}`.trimEnd() : ''}.`,
    );
  }
  if (r.costNote) lines.push(r.costNote);
  for (const p of r.preview.first) lines.push(`Preview row ${p.row} → +${p.to}: ${p.text}`);
  const longest = r.preview.longest;
  if (longest)
    lines.push(
      `Longest (row ${longest.row}, ${plural(longest.segments, 'part')}): ${longest.text}`,
    );
  return lines.join('\n');
}

export function registerBulkCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('bulk')
    .description(
      'check a CSV for a bulk send and report (--dry-run), or also queue its valid rows as one job (--enqueue)',
    )
    .requiredOption('--account <name>', 'the account to send with')
    .requiredOption(
      '--csv <file>',
      'the CSV file (UTF-8, UTF-16 with BOM or Windows-1252; comma, semicolon or tab)',
    )
    .requiredOption('--from <sender>', 'sender: up to 11 letters/digits or 15 digits')
    .requiredOption(
      '--template <text>',
      'the message; {column} or {column|filter} insert a value of the row',
    )
    .option(
      '--phone-column <column>',
      'the column of phone numbers (header or 1-based number); guessed by default',
    )
    .option('--default-country <CC>', 'country for numbers written without a country code')
    .option('--name <job>', 'name of the bulk job (default: the file name and time)')
    .option('--dry-run', 'check the file and report; queue nothing')
    .option('--enqueue', 'check the file, then queue every valid row as one bulk job')
    .option(
      '--csv-encoding <encoding>',
      `file encoding: auto or ${CSV_ENCODINGS.join(', ')}`,
      'auto',
    )
    .option('--delimiter <delimiter>', 'auto, comma, semicolon, tab or pipe', 'auto')
    .option('--header', 'the first row is a header (guessed by default)')
    .option('--no-header', 'the first row is data')
    .addOption(
      new Option('--encoding <encoding>', 'message encoding')
        .choices(['auto', 'gsm', 'gsm-pt', 'ucs2'])
        .default('auto'),
    )
    .option('--max-parts <n>', 'most parts a message may use (1-15)', '15')
    .option(
      '--marketing',
      'marketing send: apply the countries\u2019 marketing rules (hours, opt-out text, consent)',
    )
    .option('--offline', 'do not contact the provider (no cost estimate, no blacklist refresh)')
    .option(
      '--at <time>',
      'send at this time (ISO 8601 with a zone); 360nrs holds the messages for it, other providers need this computer on then',
    )
    .option(
      '--valid-for <duration>',
      'stop trying each message after this long once it goes out: 90m, 2h, 3d',
    )
    .addHelpText(
      'after',
      `
Row numbers are the spreadsheet's: the header is row 1. The --json report has
rows, valid, invalid[{row,column,reason}], duplicates, suppressed, segments
{min,max,total}, cost, balance, preview and, with --enqueue, jobId.
Exit codes: 0 done (also when some rows are invalid), 2 bad usage or an
unreadable file, 1 failure (e.g. no row can be sent).
Files over 100 MiB or 1,000,000 rows are refused: split them.
The job's --name is its campaign name at the provider: the 360nrs dashboard
shows one campaign per job with its statistics. With --at, a 360nrs account
gets the messages at once with their scheduleDate (they go out then even if
this computer is off); other providers keep them here until then.`,
    )
    .action(async (o: BulkCliOptions) => {
      const parsed = await parseBulkOptions(o);
      const validForMs = await parseValidFor(o.validFor);
      const [{ findAccountByName }, bulk] = await Promise.all([
        import('../../core/accounts/repository'),
        bulkModule(),
      ]);
      const { analyzeBulk, BulkOptionError, CsvFileError, importBulk, suppressionLookup } = bulk;
      return withContext(globals(), async (ctx) => {
        const account = findAccountByName(ctx.db, o.account);
        const facts = await onlineFacts(ctx, account.id, o.offline ?? false);
        const bar = progressBar();
        const options: BulkOptions = {
          ...parsed,
          suppressed: suppressionLookup(ctx.db, account.id),
          prices: facts.prices,
          balance: facts.balance,
          costNote: facts.note,
          ...(facts.currency ? { currency: facts.currency } : {}),
          ...(bar ? { onProgress: bar } : {}),
        };
        let report: BulkReport;
        try {
          report = o.enqueue
            ? await importBulk(options, {
                db: ctx.db,
                accountId: account.id,
                sender: o.from,
                validForMs,
                jobName:
                  o.name ??
                  `${o.csv.split(/[\\/]/).pop() ?? 'bulk'} ${new Date().toISOString().slice(0, 16)}`,
              })
            : await analyzeBulk(options);
        } catch (error) {
          if (error instanceof CsvFileError || error instanceof BulkOptionError) {
            throw new UsageError(error.message);
          }
          throw error;
        } finally {
          if (bar) process.stderr.write('\n');
        }
        if (report.balance?.message)
          process.stderr.write(`outpost: warning: ${report.balance.message}\n`);
        const queued =
          report.jobId === undefined
            ? ''
            : `\nQueued ${plural(report.valid, 'message')} as bulk job ${report.jobId} (cancel it with "outbox cancel job:${report.jobId}").`;
        output(globals(), report, humanReport(report) + queued);
      });
    });
}
