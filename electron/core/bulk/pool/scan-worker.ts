import type { MessagePort } from 'node:worker_threads';
import { CsvFileError } from '../errors';
import { isBlankRecord, type StreamControl, streamRecords } from '../records';
import { checkerFor } from './check-setup';
import type { ScanAck, ScanMessage, ScannedRow, ScanWorkerData } from './scan-messages';

/**
 * The worker's side of the off-thread scan: reads the file, inspects every
 * row (everything that needs no other row and no database) and posts them
 * back in file order, a chunk at a time. The main thread finishes each row
 * (lists, duplicates) and acknowledges the chunk; with `maxUnacknowledged`
 * chunks outstanding the file stops being read, so memory stays bounded
 * however far ahead of the main thread the worker is.
 */
export async function runScan(port: MessagePort, data: ScanWorkerData): Promise<void> {
  const post = (message: ScanMessage) => port.postMessage(message);
  const checker = checkerFor(data.setup);
  let control: StreamControl | undefined;
  let rows: ScannedRow[] = [];
  let unacknowledged = 0;
  port.on('message', (message: ScanAck) => {
    if (message.type !== 'ack') return;
    unacknowledged--;
    if (unacknowledged < data.maxUnacknowledged) control?.resume();
  });
  const send = () => {
    if (!control) return;
    post({ type: 'rows', rows, progress: control.position() });
    rows = [];
    unacknowledged++;
    if (unacknowledged >= data.maxUnacknowledged) control.pause();
  };
  const skipHeader = data.sniff.header.present;
  try {
    await streamRecords(
      data.sniff,
      (record) => {
        if (skipHeader && record.row === 1) return;
        if (isBlankRecord(record.cells)) rows.push(null);
        else rows.push(checker.inspect(record.row, record.cells, record.quoteProblem));
        // Chunks end where the one-thread check reports progress, so progress reads the same.
        if (record.row % data.chunkRows === 0) send();
      },
      {
        control: (c) => {
          control = c;
        },
      },
    );
    // The last chunk, even empty, carries the final progress (as the pool's scan does).
    send();
    post({ type: 'done' });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const row = e instanceof CsvFileError ? e.row : null;
    post({ type: 'failed', error: { name: e.name, message: e.message, row } });
  }
}
