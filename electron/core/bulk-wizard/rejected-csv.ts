import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import Papa from 'papaparse';
import { type BulkReport, neutraliseCell, sniffCsv, streamRecords } from '../bulk';
import type { FileStaging } from '../files/staging';
import type { FileReadOptions, FinishedAnalysis } from './runs';

/** The analysis keeps this many problem rows of each kind in main, for the download. */
export const REJECTED_KEPT = 100_000;

export interface Rejection {
  code: string;
  column: string;
  reason: string;
  duplicateOf: string;
}

function rejections(report: BulkReport): Map<number, Rejection> {
  const byRow = new Map<number, Rejection>();
  for (const i of [...report.invalid, ...report.suppressedRows]) {
    byRow.set(i.row, { code: i.code, column: i.column ?? '', reason: i.reason, duplicateOf: '' });
  }
  for (const d of report.duplicateRows) {
    byRow.set(d.row, {
      code: 'duplicate',
      column: report.file.mapping.phone?.column ?? '',
      reason: `Duplicate of row ${d.of}.`,
      duplicateOf: String(d.of),
    });
  }
  return byRow;
}

/** A file read back row by row, and the rows of it to write out with what is wrong with each. */
export interface RowsToWrite {
  /** The staged source file's token and how it was read. */
  file: string;
  fileOptions: FileReadOptions;
  /** The download's name. */
  name: string;
  byRow: Map<number, Rejection>;
}

/**
 * Writes the rejected rows of an analysis as a CSV a spreadsheet opens safely
 * (UTF-8 with BOM, CRLF, formula-like cells neutralised, as `job export`):
 * the row number, what is wrong and where, then the row's own cells, so the
 * person can fix them and import just those. Staged for `files.read`.
 */
export function writeRejectedCsv(
  staging: FileStaging,
  analysis: FinishedAnalysis,
): Promise<{ token: string; name: string; size: number; rows: number }> {
  return writeRowsCsv(staging, {
    file: analysis.file,
    fileOptions: analysis.fileOptions,
    name: `${analysis.fileName.replace(/\.[^.]*$/, '')}-rejected.csv`,
    byRow: rejections(analysis.report),
  });
}

/** Writes some rows of a staged CSV with their problem (see writeRejectedCsv); also the contacts import's skipped rows. */
export async function writeRowsCsv(
  staging: FileStaging,
  what: RowsToWrite,
): Promise<{ token: string; name: string; size: number; rows: number }> {
  const source = staging.file(what.file);
  const byRow = what.byRow;
  const sniff = sniffCsv(source.path, what.fileOptions);
  const name = what.name;
  const target = staging.reserve(name);
  const out = createWriteStream(target.path);
  const lines: string[][] = [
    ['row', 'problem', 'column', 'reason', 'duplicate_of', ...sniff.mapping.headers],
  ];
  // Records arrive synchronously: write every thousand lines (the stream buffers what the disk has not taken).
  const flush = () => {
    if (lines.length === 0) return;
    out.write(
      `${Papa.unparse(
        lines.map((l) => l.map(neutraliseCell)),
        { newline: '\r\n' },
      )}\r\n`,
    );
    lines.length = 0;
  };
  out.write('\uFEFF');
  let rows = 0;
  try {
    await streamRecords(sniff, (record) => {
      const r = byRow.get(record.row);
      if (!r) return;
      rows++;
      lines.push([String(record.row), r.code, r.column, r.reason, r.duplicateOf, ...record.cells]);
      if (lines.length >= 1_000) flush();
    });
    flush();
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    staging.discard(target.token);
    throw error;
  }
  const sealed = staging.seal(target.token);
  return { token: sealed.token, name, size: sealed.size, rows };
}
