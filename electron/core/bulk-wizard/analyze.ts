import type { ParsedRequestOf, ReplyOf } from '../../../shared/ipc/contract';
import type { EventPayload } from '../../../shared/ipc/events';
import { analyzeBulk, BulkOptionError, CsvFileError, type RecordProgress, sniffCsv } from '../bulk';
import type { CoreContext } from '../context';
import { StagedFileError } from '../files/staging';
import { bulkOptions, fileReadOptions } from './options';
import { REJECTED_KEPT } from './rejected-csv';
import { reportView } from './report-view';
import type { BulkRuns } from './runs';

/** Progress events at most this often (the last one always goes). */
const PROGRESS_EVERY_MS = 100;

/** Sends `bulk.progress` for a run, throttled without a timer: a call too soon after the last is dropped. */
export function progressReporter(
  core: CoreContext,
  runId: string,
  phase: EventPayload<'bulk.progress'>['phase'],
): (p: RecordProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS && p.bytesRead < p.totalBytes) return;
    last = now;
    core.events.bus.emit('bulk.progress', { runId, phase, ...p });
  };
}

/** Errors a person can act on (a wrong file, a wrong option) become an answer; the rest stay errors. */
export function refusal(error: unknown): { message: string; row?: number } | null {
  if (error instanceof CsvFileError) {
    return { message: error.message, ...(error.row !== null ? { row: error.row } : {}) };
  }
  if (error instanceof BulkOptionError || error instanceof StagedFileError)
    return { message: error.message };
  return null;
}

export function sniffStaged(
  core: CoreContext,
  request: ParsedRequestOf<'bulk.sniff'>,
): ReplyOf<'bulk.sniff'> {
  try {
    const file = core.staging.file(request.file);
    const sniff = sniffCsv(file.path, fileReadOptions(request));
    return {
      ok: true,
      name: file.name,
      bytes: sniff.bytes,
      encoding: {
        name: sniff.encoding.name,
        guessed: sniff.encoding.guessed,
        reason: sniff.encoding.reason,
      },
      delimiter: { ...sniff.delimiter },
      header: sniff.header,
      columns: sniff.mapping.headers,
      fields: sniff.mapping.fields,
      roles: Object.fromEntries(
        Object.entries(sniff.mapping.roles).map(([role, where]) => [
          role,
          { column: where.column, by: where.by },
        ]),
      ),
      preview: sniff.preview,
    };
  } catch (error) {
    const refused = refusal(error);
    if (refused) return { ok: false, ...refused };
    throw error;
  }
}

/** "clientes" + the time: the job's default name, which is also its campaign name at the provider. */
export function suggestedJobName(fileName: string, now = new Date()): string {
  const base = fileName.replace(/\.[^.]*$/, '').slice(0, 60) || 'Bulk send';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${base} ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** When the job goes out: at once, held at the provider (360nrs), or held here. */
export function scheduleOf(core: CoreContext, accountId: number, at: number | undefined) {
  if (at === undefined) return { mode: 'now' as const, at: null };
  const provider = core.adapters.get(accountId).capabilities.scheduleSend;
  return { mode: provider ? ('provider' as const) : ('local' as const), at };
}

/**
 * Checks the whole staged file in main with progress and cancel; nothing is
 * queued. The report (with up to 100,000 problem rows of each kind) stays in
 * main for the rejected-rows download; the renderer gets the counts and the
 * first rows.
 */
export async function analyzeStaged(
  core: CoreContext,
  runs: BulkRuns,
  request: ParsedRequestOf<'bulk.analyze'>,
): Promise<ReplyOf<'bulk.analyze'>> {
  const signal = runs.begin(request.runId);
  try {
    const options = await bulkOptions(core, request, {
      signal,
      keepRows: REJECTED_KEPT,
      onProgress: progressReporter(core, request.runId, 'analyzing'),
    });
    const report = await analyzeBulk(options);
    const fileName = core.staging.file(request.file).name;
    runs.keep({
      runId: request.runId,
      file: request.file,
      fileOptions: fileReadOptions(request),
      fileName,
      report,
    });
    return {
      ok: true,
      runId: request.runId,
      report: reportView(report),
      schedule: scheduleOf(core, request.accountId, request.at),
      suggestedName: suggestedJobName(fileName),
    };
  } catch (error) {
    if (signal.aborted)
      return { ok: false, cancelled: true, message: 'The analysis was cancelled.' };
    const refused = refusal(error);
    if (refused) return { ok: false, cancelled: false, ...refused };
    throw error;
  } finally {
    runs.end(request.runId);
  }
}
