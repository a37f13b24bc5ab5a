import type { Encoding } from '../../../../shared/sms';
import type { RowInspection, ValidRow } from '../row-check';
import type { RowSink } from './pooled-scan';

/**
 * A slice's inspections in the form that crosses the thread boundary cheaply:
 * one byte per record and a few typed arrays per valid row, instead of an
 * object per row (whose structured clone, and the garbage it made, cost the
 * chunked pool ~15 % of a worker's time). Row numbers are not sent: a
 * slice's records are consecutive rows from its first. The rare rows that
 * are not valid cross whole, in order.
 */
export interface SliceVerdicts {
  firstRow: number;
  /** Per record: `Kind`. */
  kinds: Uint8Array;
  /** The phone column's header (every inspection's `column`). */
  column: string;
  /** Kind.Whole rows, in order. */
  whole: RowInspection[];
  // Per valid row:
  recipients: Float64Array;
  segments: Uint16Array;
  encodings: Uint8Array;
  /** Index into `strings` (country, or -1 for none) and `texts`, `warnings`. */
  countries: Int32Array;
  textIndex: Int32Array;
  warningIndex: Int32Array;
  /** NaN for a row sent now. */
  deferredUntil: Float64Array;
  strings: string[];
  texts: string[];
  warnings: ValidRow['warnings'][];
  /** The template's field names, and their values row after row. */
  fieldNames: string[];
  fieldValues: string[];
}

export enum Kind {
  Header = 0,
  Blank = 1,
  Whole = 2,
  Valid = 3,
}

const ENCODINGS: readonly Encoding[] = ['gsm', 'gsm-pt', 'ucs2'];

/** A provider-form number that a double holds exactly (digits only, no leading 0, ≤ 15 digits). */
const NUMERIC = /^[1-9]\d{0,14}$/;

/** Collects a slice's inspections, record by record, on the worker's side. */
export class SliceVerdictWriter {
  private kinds: number[] = [];
  private whole: RowInspection[] = [];
  private recipients: number[] = [];
  private segments: number[] = [];
  private encodings: number[] = [];
  private countries: number[] = [];
  private textIndex: number[] = [];
  private warningIndex: number[] = [];
  private deferred: number[] = [];
  private readonly strings = new Table<string>();
  private readonly texts = new Table<string>();
  private readonly warnings = new Table<ValidRow['warnings']>();
  private fieldNames: string[] | undefined;
  private fieldValues: string[] = [];

  constructor(
    private readonly firstRow: number,
    private readonly column: string,
  ) {
    this.warnings.index('[]', []);
  }

  header(): void {
    this.kinds.push(Kind.Header);
  }

  blank(): void {
    this.kinds.push(Kind.Blank);
  }

  inspected(inspection: RowInspection): void {
    const v = 'valid' in inspection ? inspection.valid : undefined;
    if (!v || !NUMERIC.test(v.recipient)) {
      this.kinds.push(Kind.Whole);
      this.whole.push(inspection);
      return;
    }
    this.kinds.push(Kind.Valid);
    this.recipients.push(Number(v.recipient));
    this.segments.push(v.segments);
    this.encodings.push(ENCODINGS.indexOf(v.encoding));
    this.countries.push(
      v.countryIso === null ? -1 : this.strings.index(v.countryIso, v.countryIso),
    );
    this.textIndex.push(this.texts.index(v.text, v.text));
    const w = v.warnings;
    this.warningIndex.push(w.length === 0 ? 0 : this.warnings.index(JSON.stringify(w), w));
    this.deferred.push(v.deferredUntil ?? Number.NaN);
    this.fieldNames ??= Object.keys(v.fields);
    for (const name of this.fieldNames) this.fieldValues.push(v.fields[name] ?? '');
  }

  done(): SliceVerdicts {
    return {
      firstRow: this.firstRow,
      kinds: Uint8Array.from(this.kinds),
      column: this.column,
      whole: this.whole,
      recipients: Float64Array.from(this.recipients),
      segments: Uint16Array.from(this.segments),
      encodings: Uint8Array.from(this.encodings),
      countries: Int32Array.from(this.countries),
      textIndex: Int32Array.from(this.textIndex),
      warningIndex: Int32Array.from(this.warningIndex),
      deferredUntil: Float64Array.from(this.deferred),
      strings: this.strings.values,
      texts: this.texts.values,
      warnings: this.warnings.values,
      fieldNames: this.fieldNames ?? [],
      fieldValues: this.fieldValues,
    };
  }
}

/** Distinct values, each sent once and referred to by its index. */
class Table<T> {
  readonly values: T[] = [];
  private readonly at = new Map<string, number>();

  index(key: string, value: T): number {
    let i = this.at.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.at.set(key, i);
    }
    return i;
  }
}

/**
 * Hands a slice's rows to `sink` in file order, rebuilt as the inspections
 * the worker made, a batch of records at a time (so the caller can let its
 * event loop run between batches). Header records are skipped, as the
 * one-thread check skips them.
 */
export class SliceReplay {
  private record = 0;
  private whole = 0;
  private valid = 0;

  constructor(
    private readonly verdicts: SliceVerdicts,
    private readonly sink: RowSink,
  ) {}

  get done(): boolean {
    return this.record >= this.verdicts.kinds.length;
  }

  /** Replays up to `count` records, calling `afterRow` with each one's row number (for progress). */
  next(count: number, afterRow: (row: number) => void): void {
    const v = this.verdicts;
    const end = Math.min(v.kinds.length, this.record + count);
    for (; this.record < end; this.record++) {
      const row = v.firstRow + this.record;
      const kind = v.kinds[this.record];
      if (kind === Kind.Blank) this.sink.blank();
      else if (kind === Kind.Whole) this.sink.inspected(v.whole[this.whole++] as RowInspection);
      else if (kind === Kind.Valid) {
        const valid = validRow(v, this.valid++, row, v.fieldNames);
        this.sink.inspected({ row, recipient: valid.recipient, column: v.column, valid });
      }
      afterRow(row);
    }
  }
}

function validRow(s: SliceVerdicts, i: number, row: number, fieldNames: string[]): ValidRow {
  const fields: Record<string, string> = {};
  const base = i * fieldNames.length;
  for (let f = 0; f < fieldNames.length; f++)
    fields[fieldNames[f] as string] = s.fieldValues[base + f] as string;
  const country = s.countries[i] as number;
  const deferred = s.deferredUntil[i] as number;
  return {
    row,
    recipient: String(s.recipients[i]),
    countryIso: country < 0 ? null : (s.strings[country] as string),
    text: s.texts[s.textIndex[i] as number] as string,
    encoding: ENCODINGS[s.encodings[i] as number] as Encoding,
    segments: s.segments[i] as number,
    fields,
    deferredUntil: Number.isNaN(deferred) ? null : deferred,
    warnings: s.warnings[s.warningIndex[i] as number] as ValidRow['warnings'],
  };
}
