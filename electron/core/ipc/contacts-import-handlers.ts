import type { ParsedRequestOf, ReplyOf } from '../../../shared/ipc/contract';
import { refusal } from '../bulk-wizard/analyze';
import { fileReadOptions } from '../bulk-wizard/options';
import { writeRowsCsv } from '../bulk-wizard/rejected-csv';
import { ImportChoiceError, planContactsImport } from '../contacts-import/plan';
import { importReportView, skippedRows } from '../contacts-import/report-view';
import { ImportRuns } from '../contacts-import/runs';
import { ImportCancelled, writeContactsImport } from '../contacts-import/write';
import type { CoreContext } from '../context';
import type { HandlersFor } from './handler-table';

type Channels =
  | 'contactsImport.check'
  | 'contactsImport.run'
  | 'contactsImport.cancel'
  | 'contactsImport.skipped';

const PROGRESS_EVERY_MS = 100;

/** `contactsImport.progress` for a run, throttled without a timer (the last one always goes). */
function progress(core: CoreContext, runId: string, phase: 'checking' | 'importing') {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS && done < total) return;
    last = now;
    core.events.bus.emit('contactsImport.progress', { runId, phase, done, total });
  };
}

function refused(error: unknown, cancelled: boolean) {
  if (cancelled)
    return {
      ok: false as const,
      cancelled: true,
      message: 'The import was cancelled; nothing was added.',
    };
  if (
    error instanceof ImportChoiceError ||
    (error instanceof Error && error.name === 'BookChoiceError')
  )
    return { ok: false as const, cancelled: false, message: error.message };
  const known = refusal(error);
  if (known) return { ok: false as const, cancelled: false, ...known };
  throw error;
}

async function check(
  core: CoreContext,
  runs: ImportRuns,
  request: ParsedRequestOf<'contactsImport.check'>,
): Promise<ReplyOf<'contactsImport.check'>> {
  const signal = runs.begin(request.runId);
  try {
    const file = core.staging.file(request.file);
    const options = fileReadOptions(request);
    const report = progress(core, request.runId, 'checking');
    const plan = await planContactsImport(core.db, request.accountId, file.path, {
      ...options,
      columns: request.columns,
      book: request.book,
      signal,
      onProgress: (p) => report(p.bytesRead, p.totalBytes),
    });
    runs.keep({
      runId: request.runId,
      file: request.file,
      fileOptions: options,
      fileName: file.name,
      plan,
      imported: false,
    });
    return { ok: true, runId: request.runId, report: importReportView(plan) };
  } catch (error) {
    return refused(error, signal.aborted);
  } finally {
    runs.end(request.runId);
  }
}

async function run(
  core: CoreContext,
  runs: ImportRuns,
  runId: string,
  addExisting: boolean,
): Promise<ReplyOf<'contactsImport.run'>> {
  const checked = runs.get(runId);
  if (!checked)
    return {
      ok: false,
      cancelled: false,
      message: 'That check is no longer available here; check the file again.',
    };
  if (checked.imported)
    return {
      ok: false,
      cancelled: false,
      message: 'This file was already imported; check it again to import it once more.',
    };
  const signal = runs.begin(runId);
  try {
    const outcome = await writeContactsImport(core.db, checked.plan, {
      signal,
      addExisting,
      onProgress: progress(core, runId, 'importing'),
    });
    checked.imported = true;
    return { ok: true, ...outcome };
  } catch (error) {
    return refused(error, error instanceof ImportCancelled);
  } finally {
    runs.end(runId);
  }
}

/** Contacts import from CSV (`electron/core/contacts-import/`): check, write, cancel, skipped rows. */
export function contactsImportHandlers(
  core: CoreContext,
  runs = new ImportRuns(),
): HandlersFor<Channels> {
  return {
    'contactsImport.check': (request) => check(core, runs, request),
    'contactsImport.run': ({ runId, addExisting }) => run(core, runs, runId, addExisting),
    'contactsImport.cancel': ({ runId }) => ({ cancelled: runs.cancel(runId) }),
    'contactsImport.skipped': async ({ runId }) => {
      const checked = runs.get(runId);
      if (!checked)
        return {
          ok: false,
          message: 'That check is no longer available here; check the file again.',
        };
      try {
        const name = `${checked.fileName.replace(/\.[^.]*$/, '')}-skipped.csv`;
        const written = await writeRowsCsv(core.staging, {
          file: checked.file,
          fileOptions: checked.fileOptions,
          name,
          byRow: skippedRows(checked.plan),
        });
        return { ok: true, ...written };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
