import { Worker } from 'node:worker_threads';
import { CsvFileError } from '../errors';
import type { RecordProgress } from '../records';
import type { CsvSniff } from '../sniff';
import { locateCheckWorker, WORKER_EXEC_ARGV } from './check-pool';
import type { CheckSetup } from './check-setup';
import type { RowSink } from './pooled-scan';
import type { ScanAck, ScanMessage, ScanWorkerData } from './scan-messages';

export interface OffThreadScanOptions {
  chunkRows: number;
  maxUnacknowledged: number;
  onProgress?: (progress: RecordProgress) => void;
  signal?: AbortSignal;
}

/**
 * Reads and inspects the whole file in one worker thread; this thread only
 * takes the rows back in file order (`sink`: the lists, duplicates, report),
 * a chunk of 1,000 at a time. So this thread's event loop stays free while a
 * big file is checked: in the app, main keeps answering the window's other
 * calls and the outbox keeps draining. Resolves false, doing nothing, when
 * this build has no worker script (the caller then checks in this thread).
 */
export function scanOffThread(
  sniff: CsvSniff,
  setup: CheckSetup,
  sink: RowSink,
  options: OffThreadScanOptions,
): Promise<boolean> {
  const filename = locateCheckWorker();
  if (!filename) return Promise.resolve(false);
  const signal = options.signal;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const workerData: ScanWorkerData = {
    outpostBulkScan: 1,
    sniff,
    setup,
    chunkRows: options.chunkRows,
    maxUnacknowledged: options.maxUnacknowledged,
  };
  const worker = new Worker(filename, { workerData, execArgv: WORKER_EXEC_ARGV });
  return new Promise<boolean>((resolve, reject) => {
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      // The worker has nothing left to do (or must stop now): never left running.
      void worker.terminate();
      if (error === undefined) resolve(true);
      else reject(error);
    };
    const onAbort = () => settle(signal?.reason ?? new Error('The check was cancelled.'));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: ScanMessage) => {
      if (settled) return;
      try {
        if (message.type === 'rows') {
          for (const row of message.rows) {
            if (row === null) sink.blank();
            else sink.inspected(row);
          }
          options.onProgress?.(message.progress);
          worker.postMessage({ type: 'ack' } satisfies ScanAck);
        } else if (message.type === 'done') {
          settle();
        } else {
          settle(rebuildError(message.error));
        }
      } catch (error) {
        // The sink failed (e.g. a cancelled import): stop reading.
        settle(error);
      }
    });
    worker.on('error', (error) => settle(error));
    worker.on('exit', (code) =>
      settle(new Error(`The CSV check's worker thread stopped (exit code ${code}).`)),
    );
  });
}

/** The worker's failure as the error the one-thread check would have thrown. */
function rebuildError(error: { name: string; message: string; row: number | null }): Error {
  if (error.name === 'CsvFileError') return new CsvFileError(error.message, error.row);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
