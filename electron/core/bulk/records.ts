import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { createDecoder, InvalidUtf8Error } from './encoding';
import { CsvFileError } from './errors';
import { BULK_LIMITS } from './limits';
import type { CsvSniff } from './sniff';

/** One record of the file: row 1 is the first line, as a spreadsheet numbers it. */
export interface CsvRecord {
  row: number;
  cells: string[];
  /** A quote problem PapaParse recovered from, to report on this row. */
  quoteProblem?: string;
}

export interface RecordProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

/** Flow control for a caller that hands rows on asynchronously (the check pool). */
export interface StreamControl {
  /** Stops reading the file after the text already decoded (bounded: one read of 256 KiB). */
  pause(): void;
  resume(): void;
  /** How far the file has been read. */
  position(): RecordProgress;
}

export interface StreamOptions {
  onProgress?: (progress: RecordProgress) => void;
  /** Called once, before the first record, with the stream's flow control. */
  control?: (control: StreamControl) => void;
  /** Rows between progress events. */
  progressEvery?: number;
  signal?: AbortSignal;
  /**
   * Reads only this part of the file (`pool/slices.ts`), numbering its rows
   * from `firstRow` and splitting lines at `newline`, as the whole file reads.
   */
  slice?: StreamSlice;
}

export interface StreamSlice {
  start: number;
  /** Exclusive. */
  end: number;
  firstRow: number;
  newline: '\n' | '\r\n';
}

/** Bytes in, decoded text out; counts bytes for progress and skips the BOM. */
function decodingStream(
  sniff: CsvSniff,
  counter: { bytes: number },
  slice?: StreamSlice,
): Transform {
  const decoder = createDecoder(sniff.encoding.name);
  // A slice starts past the BOM; only the file's first slice may begin with a stray U+FEFF.
  let skip = slice ? 0 : sniff.encoding.bomBytes;
  let first = !slice || slice.firstRow === 1;
  const emit = (self: Transform, text: string) => {
    const out = first ? text.replace(/^\uFEFF/, '') : text;
    if (out !== '') {
      first = false;
      self.push(out);
    }
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      counter.bytes += chunk.length;
      let bytes: Uint8Array = chunk;
      if (skip > 0) {
        const n = Math.min(skip, bytes.length);
        bytes = bytes.subarray(n);
        skip -= n;
      }
      try {
        emit(this, decoder.write(bytes));
        done();
      } catch (error) {
        // Let the parser read up to the bad byte first, so the error names its row.
        if (error instanceof InvalidUtf8Error) emit(this, error.validText);
        done(error as Error);
      }
    },
    flush(done) {
      try {
        emit(this, decoder.end());
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * Streams every record of the file through `onRecord` (synchronously, so the
 * caller can write to SQLite as it goes) in bounded memory. Header and blank
 * rows are passed too; the caller decides. A problem with the file as a whole
 * (a quote never closed, broken UTF-8, too many rows) rejects with a
 * CsvFileError naming the row.
 */
export function streamRecords(
  sniff: CsvSniff,
  onRecord: (record: CsvRecord) => void,
  options: StreamOptions = {},
): Promise<{ rows: number }> {
  const counter = { bytes: 0 };
  const every = options.progressEvery ?? 1_000;
  const progress = (rows: number) =>
    options.onProgress?.({ bytesRead: counter.bytes, totalBytes: sniff.bytes, rows });
  return new Promise((resolve, reject) => {
    const slice = options.slice;
    const range = slice ? { start: slice.start, end: slice.end - 1 } : {};
    if (slice && slice.end <= slice.start) {
      resolve({ rows: slice.firstRow - 1 });
      return;
    }
    const file = createReadStream(sniff.path, { highWaterMark: 256 * 1024, ...range });
    const text = file.pipe(decodingStream(sniff, counter, slice));
    let row = slice ? slice.firstRow - 1 : 0;
    options.control?.({
      pause: () => text.pause(),
      resume: () => text.resume(),
      position: () => ({ bytesRead: counter.bytes, totalBytes: sniff.bytes, rows: row }),
    });
    let failure: unknown;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      file.destroy();
      text.destroy();
      reject(error);
    };
    const onAbort = () => fail(options.signal?.reason ?? new Error('The import was cancelled.'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const decodeFailure = (error: unknown) =>
      fail(
        error instanceof InvalidUtf8Error
          ? new CsvFileError(
              `Row ${row + 1} is not valid UTF-8, though the rows before it are; the file seems to mix encodings. Choose its encoding (e.g. windows-1252) and import it again.`,
              row + 1,
            )
          : error,
      );
    file.on('error', fail);
    text.on('error', decodeFailure);
    Papa.parse<string[]>(text as unknown as NodeJS.ReadableStream, {
      delimiter: sniff.delimiter.char,
      ...(slice ? { newline: slice.newline } : {}),
      step(results, parser) {
        if (settled) return parser.abort();
        row++;
        try {
          const record: CsvRecord = { row, cells: results.data };
          const quote = results.errors.find((e) => e.type === 'Quotes');
          if (quote?.code === 'MissingQuotes') {
            throw new CsvFileError(
              `Row ${row} opens a quoted field that is never closed, so the rest of the file cannot be read; add the missing closing quote (").`,
              row,
            );
          }
          if (quote)
            record.quoteProblem = 'a quoted cell is malformed (a quote inside it is not doubled)';
          if (row > BULK_LIMITS.maxRows + 1) {
            throw new CsvFileError(
              `The file has more than ${BULK_LIMITS.maxRows.toLocaleString('en')} rows; split it into smaller files.`,
              row,
            );
          }
          onRecord(record);
          if (row % every === 0) progress(row);
        } catch (error) {
          failure = error;
          parser.abort();
        }
      },
      complete() {
        options.signal?.removeEventListener('abort', onAbort);
        if (failure !== undefined) return fail(failure);
        if (settled) return;
        settled = true;
        progress(row);
        resolve({ rows: row });
      },
      error(error: Error) {
        fail(error);
      },
    });
  });
}
