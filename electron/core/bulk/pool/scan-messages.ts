import type { RecordProgress } from '../records';
import type { RowInspection } from '../row-check';
import type { CsvSniff } from '../sniff';
import type { CheckSetup } from './check-setup';

/**
 * What the check worker is started with when it reads and checks a whole
 * file (the off-thread scan), rather than serving the pool's chunks. The
 * marker tells it apart from tinypool's own worker data.
 */
export interface ScanWorkerData {
  outpostBulkScan: 1;
  sniff: CsvSniff;
  setup: CheckSetup;
  /** Rows per message back, and between progress events. */
  chunkRows: number;
  /** Messages not yet acknowledged before the worker stops reading (the memory bound). */
  maxUnacknowledged: number;
}

/** One data row's inspection, or null for a blank row, in file order. */
export type ScannedRow = RowInspection | null;

/** Worker → main. */
export type ScanMessage =
  | { type: 'rows'; rows: ScannedRow[]; progress: RecordProgress }
  | { type: 'done' }
  | { type: 'failed'; error: { name: string; message: string; row: number | null } };

/** Main → worker: one `rows` message was taken. */
export type ScanAck = { type: 'ack' };

export function isScanWorkerData(data: unknown): data is ScanWorkerData {
  return typeof data === 'object' && data !== null && 'outpostBulkScan' in data;
}
