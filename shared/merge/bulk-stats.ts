import { MAX_PARTS_SMS } from '../sms/capacity';
import {
  countSegments,
  type Encoding,
  type EncodingChoice,
  type SegmentCount,
} from '../sms/counter';
import { type MergeRow, type RenderError, type RenderOptions, renderTemplate } from './render';
import type { Template } from './template';

export interface BulkStatsOptions extends RenderOptions {
  encoding?: EncodingChoice;
  maxParts?: number;
  /** How many row numbers to keep per list (exceeding, failed); counts are always exact. */
  keepRows?: number;
}

export interface RowFailure extends RenderError {
  row: number;
}

export interface BulkSegmentSummary {
  rows: number;
  counted: number;
  /** Over the rows that rendered; all 0 when none did. */
  segments: { min: number; max: number; total: number };
  encodings: Record<Encoding, number>;
  /** Rows needing more parts than `maxParts` (the provider would refuse them with 105). */
  exceeding: { count: number; rows: number[] };
  failed: { count: number; rows: RowFailure[] };
}

/**
 * Accumulates segment counts row by row, so a 100,000-row CSV streams through
 * in bounded memory: only totals and the first `keepRows` problem rows stay.
 */
export class BulkSegmentStats {
  private readonly opts: BulkStatsOptions;
  private readonly keep: number;
  private rows = 0;
  private counted = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = 0;
  private total = 0;
  private readonly encodings: Record<Encoding, number> = { gsm: 0, 'gsm-pt': 0, ucs2: 0 };
  private exceedingCount = 0;
  private readonly exceedingRows: number[] = [];
  private failedCount = 0;
  private readonly failedRows: RowFailure[] = [];

  constructor(opts: BulkStatsOptions = {}) {
    this.opts = opts;
    this.keep = opts.keepRows ?? 1000;
  }

  /** Counts an already rendered message. */
  addText(row: number, text: string): SegmentCount {
    const count = countSegments(text, {
      encoding: this.opts.encoding ?? 'auto',
      maxParts: this.opts.maxParts ?? MAX_PARTS_SMS,
    });
    this.rows++;
    this.counted++;
    this.min = Math.min(this.min, count.segments);
    this.max = Math.max(this.max, count.segments);
    this.total += count.segments;
    this.encodings[count.encoding]++;
    if (count.exceedsMaxParts) {
      this.exceedingCount++;
      if (this.exceedingRows.length < this.keep) this.exceedingRows.push(row);
    }
    return count;
  }

  addFailure(row: number, error: RenderError): void {
    this.rows++;
    this.failedCount++;
    if (this.failedRows.length < this.keep) this.failedRows.push({ row, ...error });
  }

  /** Renders `template` for one row and counts it (or records why it cannot be rendered). */
  addRow(row: number, template: Template, values: MergeRow): SegmentCount | RenderError {
    const rendered = renderTemplate(template, values, this.opts);
    if (!rendered.ok) {
      this.addFailure(row, rendered.error);
      return rendered.error;
    }
    return this.addText(row, rendered.text);
  }

  summary(): BulkSegmentSummary {
    return {
      rows: this.rows,
      counted: this.counted,
      segments: {
        min: this.counted === 0 ? 0 : this.min,
        max: this.max,
        total: this.total,
      },
      encodings: { ...this.encodings },
      exceeding: { count: this.exceedingCount, rows: [...this.exceedingRows] },
      failed: { count: this.failedCount, rows: [...this.failedRows] },
    };
  }
}
