/** CSV bulk import: sniff, validate, report, queue as one job; job progress and results export. */
export { type ColumnMapping, detectMapping, foldHeader, type Role } from './columns';
export {
  DELIMITER_NAMES,
  DELIMITERS,
  type Delimiter,
  guessDelimiter,
  parseDelimiter,
} from './dialect';
export { CSV_ENCODINGS, type CsvEncoding, guessEncoding, isCsvEncoding } from './encoding';
export { BulkOptionError, CsvFileError, NothingToQueueError } from './errors';
export { exportJobResults, neutraliseCell } from './export';
export { cleanAbandonedImports, IMPORT_STALE_MS, ImportCancelledError } from './import-job';
export { BULK_LIMITS } from './limits';
export { fetchPricing, type Pricing } from './pricing';
export { type JobProgress, jobProgress } from './progress';
export { type CsvRecord, type RecordProgress, streamRecords } from './records';
export type { BulkReport, MessagePreview } from './report';
export type { IssueCode, RowIssue, SuppressionLookup } from './row-check';
export { analyzeBulk, type BulkOptions, type EnqueueTarget, importBulk, prepareBulk } from './run';
export { type CsvSniff, type SniffOptions, sniffCsv } from './sniff';
export { suppressionLookup } from './suppression';
