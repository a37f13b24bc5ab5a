import { isBlankRecord, type RecordProgress, type StreamControl, streamRecords } from '../records';
import type { RowInspection } from '../row-check';
import type { CsvSniff } from '../sniff';
import type { CheckPool } from './check-pool';
import type { CheckSetup, RowToCheck } from './check-setup';

/** Where the scan's rows go, in file order. */
export interface RowSink {
  blank(): void;
  inspected(inspection: RowInspection): void;
}

export interface PooledScanOptions {
  /** Rows per chunk sent to a worker, and between progress events (as `streamRecords` reports them). */
  chunkRows: number;
  /** Chunks sent and not yet taken back; reading the file pauses at this many. */
  maxInFlight: number;
  onProgress?: (progress: RecordProgress) => void;
  signal?: AbortSignal;
}

/**
 * Streams the file in this thread and checks its rows in the pool's workers,
 * chunk by chunk. Chunks come back in any order but are handed to `sink` in
 * the order they were read, so everything that depends on earlier rows (the
 * duplicate check, the first rows kept in the report) sees the same sequence
 * as a check in one thread. Memory stays bounded: at `maxInFlight` chunks the
 * file stops being read until the oldest chunk is taken back.
 */
export async function scanPooled(
  sniff: CsvSniff,
  pool: CheckPool,
  setup: CheckSetup,
  sink: RowSink,
  options: PooledScanOptions,
): Promise<void> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // Cancelling stops the workers at once, mid-chunk: their chunks reject and the chain stops.
  const stopWorkers = () => void pool.close();
  signal.addEventListener('abort', stopWorkers, { once: true });
  let control: StreamControl | undefined;
  let chunk: RowToCheck[] = [];
  let inFlight = 0;
  // Each chunk's results are taken after the previous chunk's: the chain keeps file order.
  let taken: Promise<void> = Promise.resolve();

  const send = (progress: RecordProgress) => {
    const rows = chunk;
    chunk = [];
    if (rows.length === 0) {
      taken = taken.then(() => options.onProgress?.(progress));
      return;
    }
    const result = pool.inspect(setup, rows);
    result.catch(() => {}); // its failure is met (and reported) when the chain reaches it
    inFlight++;
    if (inFlight >= options.maxInFlight) control?.pause();
    taken = taken.then(async () => {
      for (const inspection of await result) sink.inspected(inspection);
      inFlight--;
      options.onProgress?.(progress);
      if (inFlight < options.maxInFlight) control?.resume();
    });
    // A failed chunk (or a failure of the sink, e.g. a cancelled import) stops the file and the workers.
    taken.catch((error: unknown) => stop.abort(error));
  };

  const skipHeader = sniff.header.present;
  const reading = streamRecords(
    sniff,
    (record) => {
      const header = skipHeader && record.row === 1;
      if (!header && isBlankRecord(record.cells)) sink.blank();
      else if (!header) chunk.push(record);
      // Chunks end where the one-thread check reports progress, so progress reads the same.
      if (record.row % options.chunkRows === 0 && control) send(control.position());
    },
    {
      signal,
      control: (c) => {
        control = c;
      },
    },
  );
  try {
    try {
      await reading;
    } catch (error) {
      // Stop the workers and let the chunks in flight settle, so nothing reaches the sink afterwards.
      stop.abort(error);
      await taken.catch(() => {});
      throw error;
    }
    if (control) send(control.position());
    await taken;
  } finally {
    signal.removeEventListener('abort', stopWorkers);
  }
}
