import type { Command } from 'commander';
import type { Db } from '../../core/db/connection';
import { output, withDatabase } from '../context';
import { UsageError } from '../errors';
import type { GlobalOptions } from '../io';

// What each subcommand does is imported inside its action (electron/cli/README.md).
const progressModule = () => import('../../core/bulk/progress');

/** Accepts `7` or `job:7`, the form `bulk --enqueue` and `outbox cancel` print and take. */
function parseJob(id: string): number {
  const match = /^(?:job:)?(\d+)$/.exec(id.trim());
  if (!match) throw new UsageError(`"${id}" is not a bulk job id (e.g. job:7)`);
  return Number(match[1]);
}

async function progressOf(globals: GlobalOptions, jobId: number, db: Db): Promise<void> {
  const { jobProgress } = await progressModule();
  const progress = jobProgress(db, jobId);
  if (!progress) throw new UsageError(`There is no bulk job ${jobId}`);
  const human = `Job ${progress.jobId} "${progress.name}" (${progress.state}): ${progress.total} messages — ${progress.queued} queued, ${progress.sent} sent, ${progress.delivered} delivered, ${progress.failed} failed, ${progress.unknown} outcome unknown, ${progress.cancelled} cancelled.`;
  output(globals, progress, human);
}

export function registerJobCommand(program: Command, globals: () => GlobalOptions): void {
  const job = program
    .command('job')
    .description('a bulk job: its progress, pause and resume, and its results');

  job
    .command('status <id>')
    .description('how far the job has got: queued, sent, delivered, failed')
    .action((id: string) =>
      withDatabase(globals(), ({ db }) => progressOf(globals(), parseJob(id), db)),
    );

  for (const [name, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    job
      .command(`${name} <id>`)
      .description(
        paused ? 'stop sending the job (before its next request)' : 'send the rest of a paused job',
      )
      .action((id: string) =>
        withDatabase(globals(), async ({ db }) => {
          const jobId = parseJob(id);
          const { OutboxControlError, setJobPaused } = await import('../../core/outbox/control');
          try {
            setJobPaused(db, jobId, paused);
          } catch (error) {
            if (error instanceof OutboxControlError) throw new UsageError(error.message);
            throw error;
          }
          await progressOf(globals(), jobId, db);
        }),
      );
  }

  job
    .command('export <id>')
    .description('write each recipient’s result as CSV, safe to open in a spreadsheet')
    .requiredOption('--out <file>', 'the CSV file to write')
    .action((id: string, o: { out: string }) =>
      withDatabase(globals(), async ({ db }) => {
        const jobId = parseJob(id);
        const [{ jobProgress }, { exportJobResults }] = await Promise.all([
          progressModule(),
          import('../../core/bulk/export'),
        ]);
        if (!jobProgress(db, jobId)) throw new UsageError(`There is no bulk job ${jobId}`);
        const rows = await exportJobResults(db, jobId, o.out);
        output(globals(), { job: jobId, rows, file: o.out }, `Wrote ${rows} rows to ${o.out}.`);
      }),
    );
}
