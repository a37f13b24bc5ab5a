/**
 * Bounds on what a CSV import accepts. Everything streams, so these are not
 * memory limits: they keep one import to what a desktop bulk send is for, and
 * turn a wrong file (a database dump, a swallowed quote) into a clear message.
 */
export const BULK_LIMITS = {
  /** 100 MiB is ~1,000,000 typical rows; a bigger file is refused before it is read. */
  maxFileBytes: 100 * 1024 * 1024,
  maxRows: 1_000_000,
  /** More columns than any contact export has; 1,000 is a sign of a wrong file. */
  maxColumns: 500,
  /** A 15-part UCS-2 message is ~1,000 characters; a 10,000-character row is a broken one. */
  maxRowChars: 8_192,
  /** Bytes read up front to guess the encoding, delimiter, header and columns. */
  sniffBytes: 64 * 1024,
  /** Rows queued per transaction while importing. */
  chunkRows: 1_000,
  /** Problem rows listed in a report per kind; the counts are always exact. */
  keepRows: 1_000,
} as const;

/** The worker pool that checks big files on every core (bench/bulk.bench.ts measures the threshold). */
export const POOL = {
  /** With OUTPOST_CHECK_THREADS, smaller files are checked in this thread: starting the workers would cost more than they save. */
  minFileBytes: 256 * 1024,
  /** Rows per chunk sent to a worker: enough to make the message's cost small next to the checks. */
  chunkRows: 1_000,
  /** Chunks in flight per worker before the file stops being read (the memory bound). */
  inFlightPerThread: 2,
  /**
   * `offMainThread`: smaller files (about 2,000 rows) are checked in the
   * calling thread, in well under 100 ms on a quiet machine.
   */
  offThreadMinBytes: 64 * 1024,
  /** `offMainThread`: chunks the worker may post ahead of the main thread before it stops reading. */
  offThreadChunksAhead: 4,
  /** The warm pool's workers stop after this long without a check (the wizard's analysis to its start). */
  warmIdleMs: 5 * 60_000,
  /**
   * Slices of a file checked by the pool: `threads × slicesPerThread` of
   * them (small ones, so no worker waits long for the last), each of
   * `sliceMinBytes` to `sliceMaxBytes`.
   */
  slicesPerThread: 8,
  sliceMaxBytes: 512 * 1024,
  sliceMinBytes: 64 * 1024,
  /**
   * Slices checked ahead of the one being finished, beyond one per worker
   * (the memory bound): one spare keeps every worker busy while this thread
   * finishes a slice.
   */
  slicesAheadSpare: 1,
} as const;

/** Column names for a message, quoted and escaped so a header with a line break stays on one line. */
export function quoteList(names: readonly string[], max = 30): string {
  const shown = names.slice(0, max).map((n) => JSON.stringify(n));
  return names.length > max
    ? `${shown.join(', ')} and ${names.length - max} more`
    : shown.join(', ');
}
