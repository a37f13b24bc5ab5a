import { isSupportedCountry } from 'libphonenumber-js';
import { type MergeRow, renderTemplate, type Template } from '../../../shared/merge';
import { type LineType, normalizePhone, type PhoneResult } from '../../../shared/phone';
import { checkSendingRules, type RulesResult } from '../../../shared/rules';
import {
  countSegments,
  type Encoding,
  type EncodingChoice,
  MAX_PARTS_SMS,
  type SegmentCount,
  sendBlockers,
} from '../../../shared/sms';
import type { ColumnMapping } from './columns';
import { BULK_LIMITS } from './limits';
import { Memo } from './memo';
import { SeenNumbers } from './seen-numbers';

export type IssueCode =
  | 'row-shape'
  | 'invalid-number'
  | 'not-mobile'
  | 'missing-field'
  | 'too-long'
  | 'blocked-by-rule'
  | 'duplicate'
  | 'suppressed'
  | 'blacklisted';

/** A row that will not be sent, with the column at fault and a sentence saying why. */
export interface RowIssue {
  row: number;
  code: IssueCode;
  /** The column's header, when one column is at fault. */
  column?: string;
  reason: string;
  /** For duplicates: the row whose number this repeats. */
  duplicateOf?: number;
}

export interface ValidRow {
  row: number;
  recipient: string;
  countryIso: string | null;
  text: string;
  encoding: Encoding;
  segments: number;
  /** The values the template uses, stored with the message. */
  fields: Record<string, string>;
  /** Set when a country's sending hours defer the message. */
  deferredUntil: number | null;
  warnings: RulesResult['warnings'];
}

export type RowOutcome = { ok: true; valid: ValidRow } | { ok: false; issue: RowIssue };

/**
 * A row's verdict short of the checks that need the other rows or the
 * database (`RowChecker.finish`): plain data, so a worker can send it back.
 * `early`: refused before its number could be looked up in the lists;
 * otherwise the number, and either the valid row or a `late` issue found
 * after the lists (text, length, rules).
 */
export type RowInspection =
  | { row: number; early: RowIssue }
  | { row: number; recipient: string; column: string; late: RowIssue; valid?: undefined }
  | { row: number; recipient: string; column: string; valid: ValidRow; late?: undefined };

/** Why a number is on a do-not-send list, or null. */
export type SuppressionLookup = (
  recipient: string,
) => { blacklist: boolean; detail: string } | null;

export interface RowCheckOptions {
  template: Template;
  defaultCountry?: string;
  encoding?: EncodingChoice;
  maxParts?: number;
  /** Marketing sends are checked against the country rules that apply only to marketing. */
  marketing?: boolean;
  sendAt?: Date;
  suppressed?: SuppressionLookup;
}

/** Line types that cannot receive an SMS; 'fixed-line-or-mobile' and 'unknown' get the benefit of the doubt. */
export const NOT_MOBILE: Partial<Record<LineType, string>> = {
  fixed: 'a fixed-line number',
  'toll-free': 'a toll-free number',
  'premium-rate': 'a premium-rate number',
  'shared-cost': 'a shared-cost number',
  uan: 'a company switchboard (UAN) number',
  voicemail: 'a voicemail access number',
  pager: 'a pager number',
};

const TIME_CODES = new Set(['outside-sending-hours', 'public-holiday']);

/**
 * Entries each per-job memo keeps before it starts again: enough for the
 * repeats a file has (a number listed twice, a text without merge fields),
 * small enough that a million distinct rows cannot grow it; and the key
 * characters (texts), so that long distinct texts cannot either (memo.ts).
 */
const MEMO_ENTRIES = 10_000;
const MEMO_CHARS = 500_000;

/** A text's segment count and the first reason it cannot go, computed once per distinct text. */
interface TextVerdict {
  count: SegmentCount;
  blocker: string | undefined;
}

/**
 * Decides one data row: what is sent to whom, or the first reason it is not.
 * Order: the row's shape, the number, the lists, the merge fields, the
 * length, the country rules, and last the duplicate check, so a repeated
 * number is only a duplicate of a row that will really be sent.
 */
export class RowChecker {
  private readonly phoneColumn: number;
  private readonly countryColumn: number | undefined;
  /** Each accepted number's first row (a typed table: a million of them in ~24 MiB). */
  private readonly seen = new SeenNumbers();
  private readonly rulesCache = new Memo<RulesResult>(MEMO_ENTRIES, MEMO_CHARS);
  private readonly textCache = new Memo<TextVerdict>(MEMO_ENTRIES, MEMO_CHARS);
  /** The phone column's header: the column every number problem names. */
  readonly phoneHeader: string;
  /** The instant the country rules are checked for (the job's send time, else when checking began). */
  readonly sendAt: Date;
  private readonly usedColumns: [string, number][];
  private readonly aliases: [string, number][];

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly opts: RowCheckOptions,
  ) {
    const phone = mapping.roles.phone;
    if (!phone) throw new Error('RowChecker needs a phone column');
    this.phoneColumn = phone.column;
    this.countryColumn = mapping.roles.country?.column;
    this.phoneHeader = mapping.headers[this.phoneColumn] ?? 'phone';
    this.sendAt = opts.sendAt ?? new Date();
    const index = new Map(mapping.fields.map((f, i) => [f, i]));
    // Role names ("name", "phone") work as merge fields too, unless a column is called that.
    this.aliases = Object.entries(mapping.roles)
      .filter(([role]) => !index.has(role))
      .map(([role, where]) => [role, where.column]);
    for (const [role, column] of this.aliases) index.set(role, column);
    this.usedColumns = opts.template.fields.flatMap((f) => {
      const i = index.get(f);
      return i === undefined ? [] : [[f, i] as [string, number]];
    });
  }

  /** The whole verdict for one row, in file order (the duplicate check remembers earlier rows). */
  check(row: number, cells: readonly string[], quoteProblem?: string): RowOutcome {
    return this.finish(this.inspect(row, cells, quoteProblem));
  }

  /**
   * Everything about one row that needs no other row and no database: its
   * shape, number, line type, text, length and country rules. Safe to run in
   * a worker thread, on any row in any order; `finish` completes the verdict.
   */
  inspect(row: number, cells: readonly string[], quoteProblem?: string): RowInspection {
    const shape = this.shapeIssue(row, cells, quoteProblem);
    if (shape) return { row, early: shape };
    const phoneCell = cells[this.phoneColumn] ?? '';
    const phone = this.phone(phoneCell, this.countryFor(cells));
    const column = this.phoneHeader;
    if (!phone.ok) return { row, early: rowIssue(row, 'invalid-number', phone.message, column) };
    const notMobile = NOT_MOBILE[phone.lineType];
    if (notMobile) {
      const reason = `"${phoneCell.trim()}" is ${notMobile}, which cannot receive SMS.`;
      return { row, early: rowIssue(row, 'not-mobile', reason, column) };
    }
    const recipient = phone.provider;
    const rendered = renderTemplate(this.opts.template, this.values(cells));
    if (!rendered.ok) {
      const col = this.headerOf(rendered.error.field);
      const late = rowIssue(row, 'missing-field', rendered.error.message, col);
      return { row, recipient, column, late };
    }
    const { count, blocker } = this.textVerdict(rendered.text);
    if (blocker) return { row, recipient, column, late: rowIssue(row, 'too-long', blocker) };

    const rules = this.rules(rendered.text, phone.countryIso ?? '');
    const hard = rules.blocks.find((b) => !TIME_CODES.has(b.code));
    if (hard) {
      return { row, recipient, column, late: rowIssue(row, 'blocked-by-rule', hard.message) };
    }
    return {
      row,
      recipient,
      column,
      valid: {
        row,
        recipient,
        countryIso: phone.countryIso,
        text: rendered.text,
        encoding: count.encoding,
        segments: count.segments,
        fields: this.fields(cells),
        deferredUntil:
          rules.blocks.length > 0 && rules.nextAllowedAt ? rules.nextAllowedAt.getTime() : null,
        warnings: rules.warnings,
      },
    };
  }

  /**
   * Completes an inspected row, in file order: the do-not-send lists (checked
   * right after the number, before the text's problems, as a single send
   * does) and last the duplicate check.
   */
  finish(inspection: RowInspection): RowOutcome {
    if ('early' in inspection) return { ok: false, issue: inspection.early };
    const { row, recipient, column } = inspection;
    const listed = this.opts.suppressed?.(recipient);
    if (listed) {
      const code = listed.blacklist ? 'blacklisted' : 'suppressed';
      return { ok: false, issue: rowIssue(row, code, listed.detail, column) };
    }
    if (!inspection.valid) return { ok: false, issue: inspection.late };
    const first = this.seen.get(recipient);
    if (first !== undefined) {
      return {
        ok: false,
        issue: {
          row,
          code: 'duplicate',
          column,
          reason: `Duplicate of row ${first} (+${recipient}).`,
          duplicateOf: first,
        },
      };
    }
    this.seen.set(recipient, row);
    return { ok: true, valid: inspection.valid };
  }

  private shapeIssue(
    row: number,
    cells: readonly string[],
    quoteProblem?: string,
  ): RowIssue | null {
    if (cells.length > BULK_LIMITS.maxColumns) {
      return {
        row,
        code: 'row-shape',
        reason: `The row has ${cells.length} cells; at most ${BULK_LIMITS.maxColumns} are read. Check its quotes and delimiters.`,
      };
    }
    let chars = 0;
    for (const c of cells) chars += c.length;
    if (chars > BULK_LIMITS.maxRowChars) {
      return {
        row,
        code: 'row-shape',
        reason: `The row is ${chars.toLocaleString('en')} characters long; at most ${BULK_LIMITS.maxRowChars.toLocaleString('en')} are accepted. Check for a missing quote or pasted text.`,
      };
    }
    if (quoteProblem)
      return {
        row,
        code: 'row-shape',
        reason: `The row cannot be read reliably: ${quoteProblem}.`,
      };
    return null;
  }

  /** The row's ISO country column when it holds a supported code, else the job's default country. */
  private countryFor(cells: readonly string[]): string | undefined {
    if (this.countryColumn !== undefined) {
      const iso = (cells[this.countryColumn] ?? '').trim().toUpperCase();
      if (/^[A-Z]{2}$/.test(iso) && isSupportedCountry(iso)) return iso;
    }
    return this.opts.defaultCountry || undefined;
  }

  /**
   * Not memoised: a plain cell now reads in well under a microsecond (quick-parse.ts),
   * less than building, hashing and keeping a memo key for it; and numbers seldom repeat.
   */
  private phone(cell: string, country: string | undefined): PhoneResult {
    return normalizePhone(cell, country ? { defaultCountry: country } : {});
  }

  /** Counts a rendered text once: texts repeat when the fields do (or when there are none). */
  private textVerdict(text: string): TextVerdict {
    return this.textCache.get(text, () => {
      const count = countSegments(text, {
        encoding: this.opts.encoding ?? 'auto',
        maxParts: this.opts.maxParts ?? MAX_PARTS_SMS,
      });
      return { count, blocker: sendBlockers(text, count)[0]?.message };
    });
  }

  /** The values stored with the message: the columns the template uses. */
  private fields(cells: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [field, i] of this.usedColumns) out[field] = cells[i] ?? '';
    return out;
  }

  private values(cells: readonly string[]): MergeRow {
    const out: Record<string, string | undefined> = {};
    for (const [field, i] of this.usedColumns) out[field] = cells[i];
    return out;
  }

  private headerOf(field: string): string | undefined {
    const used = this.usedColumns.find(([f]) => f === field);
    return used ? this.mapping.headers[used[1]] : field;
  }

  /** Rendered texts repeat (no merge fields, or a few distinct values): check each once. */
  private rules(text: string, countryIso: string): RulesResult {
    return this.rulesCache.get(`${countryIso}\u0000${text}`, () =>
      checkSendingRules({
        text,
        countryIso,
        sendAt: this.sendAt,
        marketing: this.opts.marketing ?? false,
      }),
    );
  }
}

function rowIssue(row: number, code: IssueCode, reason: string, column?: string): RowIssue {
  return { row, code, reason, ...(column !== undefined ? { column } : {}) };
}
