import { CostAccumulator, type CostEstimate, type CoveragePrice } from '../../../shared/cost';
import { toMicros } from '../../../shared/cost/money';
import type { Encoding } from '../../../shared/sms';
import type { RowIssue, ValidRow } from './row-check';
import type { CsvSniff } from './sniff';

export interface MessagePreview {
  row: number;
  to: string;
  text: string;
  segments: number;
  encoding: Encoding;
}

export interface RuleWarning {
  code: string;
  message: string;
  rows: number;
  firstRow: number;
}

export interface BalanceCheck {
  balance: number;
  currency: string | null;
  /** false when the dearest estimate is more than the balance: warn before sending. */
  covers: boolean;
  message: string | null;
}

/** The validation report (the CLI's --json output); names follow the DESIGN.md contract. */
export interface BulkReport {
  file: {
    path: string;
    bytes: number;
    encoding: CsvSniff['encoding'];
    delimiter: Omit<CsvSniff['delimiter'], 'char'> & { char: string };
    header: CsvSniff['header'];
    columns: string[];
    fields: string[];
    mapping: Record<string, { column: string; by: string }>;
    preview: string[][];
  };
  /** Data rows (not the header, not blank lines). */
  rows: number;
  blankRows: number;
  valid: number;
  /** The first rows that cannot be sent (up to the keep limit); `invalidCount` is exact. */
  invalid: RowIssue[];
  invalidCount: number;
  duplicates: number;
  duplicateRows: { row: number; of: number }[];
  suppressed: number;
  suppressedRows: RowIssue[];
  /** Valid rows a country's sending hours hold back; queued for the first allowed time. */
  deferred: number;
  warnings: RuleWarning[];
  segments: { min: number; max: number; total: number };
  encodings: Record<Encoding, number>;
  cost: CostEstimate | null;
  costNote: string | null;
  balance: BalanceCheck | null;
  preview: { first: MessagePreview[]; longest: MessagePreview | null };
  jobId?: number;
}

const FIRST_PREVIEWS = 3;

function toPreview(v: ValidRow): MessagePreview {
  return { row: v.row, to: v.recipient, text: v.text, segments: v.segments, encoding: v.encoding };
}

/** "Longest" is what costs most: more parts first, then more characters. */
function isLonger(v: ValidRow, than: MessagePreview | null): boolean {
  if (!than) return true;
  return (
    v.segments > than.segments || (v.segments === than.segments && v.text.length > than.text.length)
  );
}

/** Adds rows up as they stream; keeps only totals and the first problem rows. */
export class ReportBuilder {
  private rows = 0;
  private blankRows = 0;
  private valid = 0;
  private invalidCount = 0;
  private readonly invalid: RowIssue[] = [];
  private duplicates = 0;
  private readonly duplicateRows: { row: number; of: number }[] = [];
  private suppressed = 0;
  private readonly suppressedRows: RowIssue[] = [];
  private deferred = 0;
  private readonly warnings = new Map<string, RuleWarning>();
  private min = Number.POSITIVE_INFINITY;
  private max = 0;
  private total = 0;
  private readonly encodings: Record<Encoding, number> = { gsm: 0, 'gsm-pt': 0, ucs2: 0 };
  private readonly first: MessagePreview[] = [];
  private longest: MessagePreview | null = null;
  private readonly cost: CostAccumulator | null;

  constructor(
    private readonly keep: number,
    prices: readonly CoveragePrice[] | null,
    currency?: string,
  ) {
    this.cost = prices ? new CostAccumulator(prices, currency ? { currency } : {}) : null;
  }

  blank(): void {
    this.blankRows++;
  }

  addIssue(issue: RowIssue): void {
    this.rows++;
    if (issue.code === 'duplicate') {
      this.duplicates++;
      if (this.duplicateRows.length < this.keep)
        this.duplicateRows.push({ row: issue.row, of: issue.duplicateOf ?? 0 });
    } else if (issue.code === 'suppressed' || issue.code === 'blacklisted') {
      this.suppressed++;
      if (this.suppressedRows.length < this.keep) this.suppressedRows.push(issue);
    } else {
      this.invalidCount++;
      if (this.invalid.length < this.keep) this.invalid.push(issue);
    }
  }

  addValid(v: ValidRow): void {
    this.rows++;
    this.valid++;
    if (v.deferredUntil !== null) this.deferred++;
    this.min = Math.min(this.min, v.segments);
    this.max = Math.max(this.max, v.segments);
    this.total += v.segments;
    this.encodings[v.encoding]++;
    this.cost?.add(v.countryIso ?? '', v.segments);
    if (this.first.length < FIRST_PREVIEWS) this.first.push(toPreview(v));
    if (isLonger(v, this.longest)) this.longest = toPreview(v);
    for (const w of v.warnings) {
      const seen = this.warnings.get(w.code);
      if (seen) seen.rows++;
      else
        this.warnings.set(w.code, { code: w.code, message: w.message, rows: 1, firstRow: v.row });
    }
  }

  build(
    sniff: CsvSniff,
    extra: { costNote: string | null; balance: number | null; balanceCurrency: string | null },
  ): BulkReport {
    const cost = this.cost?.result() ?? null;
    const { mapping } = sniff;
    return {
      file: {
        path: sniff.path,
        bytes: sniff.bytes,
        encoding: sniff.encoding,
        delimiter: { ...sniff.delimiter },
        header: sniff.header,
        columns: mapping.headers,
        fields: mapping.fields,
        mapping: Object.fromEntries(
          Object.entries(mapping.roles).map(([role, where]) => [
            role,
            { column: mapping.headers[where.column] ?? '', by: where.by },
          ]),
        ),
        preview: sniff.preview.slice(0, 5),
      },
      rows: this.rows,
      blankRows: this.blankRows,
      valid: this.valid,
      invalid: [...this.invalid],
      invalidCount: this.invalidCount,
      duplicates: this.duplicates,
      duplicateRows: [...this.duplicateRows],
      suppressed: this.suppressed,
      suppressedRows: [...this.suppressedRows],
      deferred: this.deferred,
      warnings: [...this.warnings.values()],
      segments: { min: this.valid === 0 ? 0 : this.min, max: this.max, total: this.total },
      encodings: { ...this.encodings },
      cost,
      costNote: extra.costNote,
      balance: balanceCheck(cost, extra.balance, extra.balanceCurrency),
      preview: { first: [...this.first], longest: this.longest },
    };
  }
}

function balanceCheck(
  cost: CostEstimate | null,
  balance: number | null,
  currency: string | null,
): BalanceCheck | null {
  if (balance === null) return null;
  if (!cost) return { balance, currency, covers: true, message: null };
  const unit = currency ?? cost.currency;
  if (unit.toUpperCase() !== cost.currency.toUpperCase()) {
    // Never compare amounts in two currencies as if they were one.
    return {
      balance,
      currency,
      covers: true,
      message: `The balance is in ${unit} but the prices are in ${cost.currency}, so whether it covers the send was not checked.`,
    };
  }
  // Compared exactly, in millionths of the one currency (a sum of 0.0868s is not exact in floats).
  const covers = cost.totals.maxMicros <= toMicros(Math.max(0, balance));
  return {
    balance,
    currency,
    covers,
    message: covers
      ? null
      : `The estimated cost (up to ${cost.totals.max} ${unit}) is more than the account balance (${balance} ${unit}); top up before sending or the provider will stop the send part-way (error 111).`,
  };
}
