import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import {
  type ColumnMapping,
  detectMapping,
  fieldNames,
  findColumn,
  headerlessNames,
  looksLikeData,
} from './columns';
import { DELIMITER_NAMES, type Delimiter, guessDelimiter } from './dialect';
import {
  bomLength,
  type CsvEncoding,
  decodeHead,
  guessEncoding,
  InvalidUtf8Error,
} from './encoding';
import { BulkOptionError, CsvFileError } from './errors';
import { BULK_LIMITS, quoteList } from './limits';

export interface SniffOptions {
  /** Overrides the guess. */
  encoding?: CsvEncoding;
  delimiter?: Delimiter;
  /** true / false overrides the guess of whether row 1 is a header. */
  header?: boolean;
  /** Column name (header or field name) or 1-based number. */
  phoneColumn?: string;
  defaultCountry?: string;
  maxFileBytes?: number;
}

/** What the importer decided about a file before reading it all; every guess is shown and overridable. */
export interface CsvSniff {
  path: string;
  bytes: number;
  encoding: { name: CsvEncoding; guessed: boolean; reason: string; bomBytes: number };
  delimiter: { char: Delimiter; name: string; guessed: boolean; reason: string };
  header: { present: boolean; guessed: boolean };
  mapping: ColumnMapping;
  /** The first data rows as decoded, so a wrong encoding shows ("MÃ¼ller") before anything is sent. */
  preview: string[][];
}

const PREVIEW_ROWS = 20;

function readHead(path: string, limit: number): { head: Uint8Array; bytes: number } {
  let bytes: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new BulkOptionError(`"${path}" is a folder, not a CSV file.`);
    bytes = stat.size;
  } catch (error) {
    if (error instanceof BulkOptionError) throw error;
    throw new BulkOptionError(
      `Cannot read "${path}": ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`,
    );
  }
  if (bytes === 0) throw new CsvFileError('The file is empty.');
  if (bytes > limit) {
    const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
    throw new CsvFileError(
      `The file is ${mib(bytes)}; bulk import takes files up to ${mib(limit)} (about a million rows). Split it into smaller files.`,
    );
  }
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(Math.min(bytes, BULK_LIMITS.sniffBytes));
    const read = readSync(fd, head, 0, head.length, 0);
    return { head: head.subarray(0, read), bytes };
  } finally {
    closeSync(fd);
  }
}

/** Only a chosen UTF-8 can fail here (a guess of UTF-8 has already decoded strictly). */
function decodeHeadOrFail(
  head: Uint8Array,
  encoding: CsvEncoding,
  bomBytes: number,
  wholeFile: boolean,
): string {
  try {
    return decodeHead(head, encoding, bomBytes, wholeFile).replace(/^\uFEFF/, '');
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    const row = error.validText.split(/\r\n|\r|\n/).length;
    throw new CsvFileError(
      `Row ${row} is not valid UTF-8; choose another encoding (e.g. windows-1252) or let it be guessed.`,
      row,
    );
  }
}

/** The head without its last, possibly cut, line (unless it is the whole file). */
function wholeLines(text: string, wholeFile: boolean): string {
  if (wholeFile) return text;
  const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return end > 0 ? text.slice(0, end) : text;
}

function nonBlank(rows: string[][]): string[][] {
  return rows.filter((r) => !(r.length === 1 && (r[0] ?? '').trim() === ''));
}

/**
 * Reads the first 64 KiB of a CSV and decides encoding, delimiter, header and
 * column mapping, each as a guess the caller may override. Refuses files that
 * are empty, binary or too big, and headers with too many columns.
 */
export function sniffCsv(path: string, options: SniffOptions = {}): CsvSniff {
  const { head, bytes } = readHead(path, options.maxFileBytes ?? BULK_LIMITS.maxFileBytes);
  const wholeFile = head.length === bytes;
  const guess = guessEncoding(head, wholeFile);
  const name = options.encoding ?? guess.encoding;
  const bomBytes = options.encoding ? bomLength(head, name) : guess.bomBytes;
  const text = wholeLines(decodeHeadOrFail(head, name, bomBytes, wholeFile), wholeFile);
  if (text.trim() === '') throw new CsvFileError('The file has no rows (it is blank).');

  const delimiterGuess = options.delimiter ? null : guessDelimiter(text);
  const delimiter = options.delimiter ?? delimiterGuess?.delimiter ?? ',';
  const rows = nonBlank(Papa.parse<string[]>(text, { delimiter, preview: PREVIEW_ROWS + 1 }).data);
  const first = rows[0] ?? [];
  if (first.length > BULK_LIMITS.maxColumns) {
    throw new CsvFileError(
      `Row 1 has ${first.length} columns; bulk import takes at most ${BULK_LIMITS.maxColumns}. Check the delimiter or remove unused columns.`,
      1,
    );
  }
  const headerPresent = options.header ?? !looksLikeData(first, options.defaultCountry);
  const headers = headerPresent ? first.map((h) => h.trim()) : headerlessNames(first.length);
  const fields = headerPresent ? fieldNames(headers) : headers;
  const preview = headerPresent ? rows.slice(1) : rows.slice(0, PREVIEW_ROWS);
  let phoneColumn: number | undefined;
  if (options.phoneColumn !== undefined) {
    phoneColumn = findColumn(options.phoneColumn, headers, fields);
    if (phoneColumn === undefined) {
      throw new BulkOptionError(
        `The file has no column ${JSON.stringify(options.phoneColumn)}; its columns are ${quoteList(headers)}.`,
      );
    }
  }
  const mapping = detectMapping(headers, fields, preview, {
    ...(phoneColumn !== undefined ? { phoneColumn } : {}),
    ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
  });
  return {
    path,
    bytes,
    encoding: {
      name,
      guessed: !options.encoding,
      reason: options.encoding ? 'chosen' : guess.reason,
      bomBytes,
    },
    delimiter: {
      char: delimiter,
      name: DELIMITER_NAMES[delimiter],
      guessed: !options.delimiter,
      reason: delimiterGuess?.reason ?? 'chosen',
    },
    header: { present: headerPresent, guessed: options.header === undefined },
    mapping,
    preview: preview.slice(0, PREVIEW_ROWS),
  };
}
