import { CsvFileError } from '../errors';
import { isBlankRecord, type StreamSlice, streamRecords } from '../records';
import type { RowChecker } from '../row-check';
import type { CsvSniff } from '../sniff';
import type { CheckSetup } from './check-setup';
import { type SliceVerdicts, SliceVerdictWriter } from './slice-verdicts';

/** One slice of a file to read, parse and inspect in a worker. */
export interface SliceTask {
  setup: CheckSetup;
  sniff: CsvSniff;
  slice: StreamSlice;
}

/** A failure as plain data: the one-thread check's error is rebuilt from it (`rebuildError`). */
export interface PlainError {
  name: string;
  message: string;
  row: number | null;
}

/** The slice's verdicts up to its end, or up to the row that failed (then `failure`). */
export interface SliceResult {
  verdicts: SliceVerdicts;
  failure?: PlainError;
}

/**
 * The worker's whole job for one slice: its bytes are read and parsed here,
 * so no cell crosses a thread, and every row is inspected (everything that
 * needs no other row and no database) into the compact verdicts.
 */
export async function checkSliceWith(checker: RowChecker, task: SliceTask): Promise<SliceResult> {
  const writer = new SliceVerdictWriter(task.slice.firstRow, checker.phoneHeader);
  const skipHeader = task.sniff.header.present;
  try {
    await streamRecords(
      task.sniff,
      (record) => {
        if (skipHeader && record.row === 1) writer.header();
        else if (isBlankRecord(record.cells)) writer.blank();
        else writer.inspected(checker.inspect(record.row, record.cells, record.quoteProblem));
      },
      { slice: task.slice },
    );
    return { verdicts: writer.done() };
  } catch (error) {
    return { verdicts: writer.done(), failure: plainError(error) };
  }
}

export function plainError(error: unknown): PlainError {
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, row: e instanceof CsvFileError ? e.row : null };
}

/** The worker's failure as the error the one-thread check would have thrown. */
export function rebuildError(error: PlainError): Error {
  if (error.name === 'CsvFileError') return new CsvFileError(error.message, error.row);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
