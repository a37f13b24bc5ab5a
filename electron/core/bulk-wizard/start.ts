import type { ParsedRequestOf, ReplyOf } from '../../../shared/ipc/contract';
import { checkSender } from '../../../shared/send/sender';
import { importBulk, NothingToQueueError } from '../bulk';
import type { CoreContext } from '../context';
import type { Db } from '../db/connection';
import { progressReporter, refusal } from './analyze';
import { bulkOptions } from './options';
import type { BulkRuns } from './runs';

type StartReply = ReplyOf<'bulk.start'>;

function refused(field: Extract<StartReply, { ok: false }>['field'], message: string): StartReply {
  return { ok: false, cancelled: false, field, message };
}

/**
 * Two jobs of one name would be one campaign at the provider (360nrs joins
 * requests to the open sending of a named campaign), mixing their figures.
 */
function nameTaken(db: Db, name: string): boolean {
  return db.prepare('SELECT 1 FROM bulk_jobs WHERE name = ?').get(name) !== undefined;
}

/** Kept with the job so its page can show the estimate beside what was spent. */
function saveEstimate(
  db: Db,
  jobId: number,
  cost: { currency: string; max: number; parts: number } | null,
) {
  if (!cost) return;
  db.prepare(
    `UPDATE bulk_jobs SET mapping = json_set(mapping, '$.estimate', json(?)) WHERE id = ?`,
  ).run(JSON.stringify(cost), jobId);
}

/**
 * Confirm: a fresh pass over the staged file that queues every valid row as
 * one job (the bulk core's atomic import: the whole job or nothing), then the
 * staged file is discarded. Cancelling the run stops the import and leaves
 * nothing queued.
 */
export async function startStaged(
  core: CoreContext,
  runs: BulkRuns,
  request: ParsedRequestOf<'bulk.start'>,
): Promise<StartReply> {
  const sender = checkSender(request.sender);
  if (sender) return refused('sender', sender.message);
  if (nameTaken(core.db, request.jobName))
    return refused(
      'jobName',
      `A bulk job is already called "${request.jobName}"; give this one another name so the provider keeps their figures apart.`,
    );
  const signal = runs.begin(request.runId);
  try {
    const options = await bulkOptions(core, request, {
      signal,
      onProgress: progressReporter(core, request.runId, 'queueing'),
    });
    const report = await importBulk(options, {
      db: core.db,
      accountId: request.accountId,
      sender: request.sender,
      jobName: request.jobName,
    });
    const jobId = report.jobId ?? 0;
    const totals = report.cost?.totals;
    saveEstimate(
      core.db,
      jobId,
      totals ? { currency: totals.currency, max: totals.max, parts: report.segments.total } : null,
    );
    core.staging.discard(request.file);
    runs.forgetFile(request.file);
    core.outbox.wake();
    return { ok: true, jobId, queued: report.valid };
  } catch (error) {
    if (signal.aborted)
      return {
        ok: false,
        cancelled: true,
        field: null,
        message: 'Queueing was cancelled; nothing was queued.',
      };
    if (error instanceof NothingToQueueError) return refused('file', error.message);
    const why = refusal(error);
    if (why) return refused('file', why.message);
    throw error;
  } finally {
    runs.end(request.runId);
  }
}
