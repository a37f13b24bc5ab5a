import type { RecordProgress } from '../records';
import type { CsvSniff } from '../sniff';
import type { CheckPool } from './check-pool';
import type { CheckSetup } from './check-setup';
import type { RowSink } from './pooled-scan';
import { rebuildError, type SliceResult } from './slice-check';
import { SliceReplay } from './slice-verdicts';
import type { CsvSlice, SlicePlan } from './slices';

export interface SlicedScanOptions {
  /** Slices being checked ahead of the one being finished (the memory bound). */
  maxAhead: number;
  /** Rows between progress events, as `streamRecords` reports them. */
  progressEvery: number;
  onProgress?: (progress: RecordProgress) => void;
  signal?: AbortSignal;
}

/**
 * Checks the file's slices in the pool's workers, each worker reading and
 * parsing its own bytes, and hands the rows to `sink` in file order: slice
 * after slice, each replayed from its compact verdicts. So this thread does
 * only what needs the other rows or the database (`finish`: the lists, the
 * duplicate check, the report), and no cell crosses a thread. A slice's
 * failure (a row past the limit) is thrown when its turn comes, after the
 * rows before it, as the one-thread check throws it. The caller closes the
 * pool's use, which stops the slices still running.
 */
export async function scanSliced(
  sniff: CsvSniff,
  plan: SlicePlan,
  pool: CheckPool,
  setup: CheckSetup,
  sink: RowSink,
  options: SlicedScanOptions,
): Promise<void> {
  const { slices } = plan;
  const signal = options.signal;
  const running: (Promise<SliceResult> | undefined)[] = [];
  const start = (k: number) => {
    const slice = slices[k];
    if (!slice || running[k]) return;
    const result = pool.checkSlice({ setup, sniff, slice: { ...slice, newline: plan.newline } });
    result.catch(() => {}); // met when its turn comes
    running[k] = result;
  };
  const stopped = () => {
    if (signal?.aborted) throw signal.reason;
  };
  // Cancelling stops the workers at once; the slice awaited then rejects, and the reason is thrown.
  const stopWorkers = () => void pool.close();
  signal?.addEventListener('abort', stopWorkers, { once: true });
  try {
    stopped();
    let rows = 0;
    for (let k = 0; k < slices.length; k++) {
      for (let ahead = k; ahead < k + options.maxAhead; ahead++) start(ahead);
      const result = await (running[k] as Promise<SliceResult>).catch((error: unknown) => {
        stopped();
        throw error;
      });
      running[k] = undefined;
      const progress = progressOf(sniff, slices[k] as CsvSlice, result.verdicts.kinds.length);
      const replay = new SliceReplay(result.verdicts, sink);
      while (!replay.done) {
        replay.next(options.progressEvery, (row) => {
          stopped();
          rows = row;
          if (row % options.progressEvery === 0) options.onProgress?.(progress(row));
        });
        // A slice is up to ~65,000 rows: the event loop runs between batches (the app's IPC).
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (result.failure) throw rebuildError(result.failure);
    }
    stopped();
    options.onProgress?.({ bytesRead: sniff.bytes, totalBytes: sniff.bytes, rows });
  } finally {
    signal?.removeEventListener('abort', stopWorkers);
  }
}

/** Progress within a slice: its bytes taken as spread evenly over its records. */
function progressOf(
  sniff: CsvSniff,
  slice: CsvSlice,
  records: number,
): (row: number) => RecordProgress {
  return (row) => {
    const done = records === 0 ? 1 : (row - slice.firstRow + 1) / records;
    const bytesRead = Math.round(slice.start + done * (slice.end - slice.start));
    return { bytesRead, totalBytes: sniff.bytes, rows: row };
  };
}
