import { exportJobResults } from '../bulk';
import type { CoreContext } from '../context';
import { jobDetail } from '../jobs/detail';
import { jobSummary, listJobs } from '../jobs/list';
import { providerFigures } from '../jobs/provider-figures';
import { cancelJob, OutboxControlError, setJobPaused } from '../outbox/control';
import { cancelJobAtProvider } from '../outbox/schedule';
import type { HandlersFor } from './handler-table';

type JobChannels = 'jobs.list' | 'jobs.get' | 'jobs.provider' | 'jobs.control' | 'jobs.export';

/** Cancels here first (certain), then deletes what the provider holds for later. */
async function cancel(core: CoreContext, jobId: number): Promise<number> {
  const here = cancelJob(core.db, jobId);
  const there = await cancelJobAtProvider(core.db, core.adapters.get, jobId).catch(() => 0);
  return here + there;
}

/** The Jobs view and a job's page. */
export function jobsHandlers(core: CoreContext): HandlersFor<JobChannels> {
  return {
    'jobs.list': () => listJobs(core.db),
    'jobs.get': ({ jobId }) => jobDetail(core.db, jobId),
    'jobs.provider': ({ jobId }) => providerFigures(core.db, core.adapters, jobId),
    'jobs.control': async ({ jobId, action }) => {
      try {
        if (action === 'cancel') return { ok: true, cancelled: await cancel(core, jobId) };
        setJobPaused(core.db, jobId, action === 'pause');
        core.outbox.wake();
        return { ok: true };
      } catch (error) {
        if (error instanceof OutboxControlError) return { ok: false, message: error.message };
        throw error;
      }
    },
    'jobs.export': async ({ jobId }) => {
      const job = jobSummary(core.db, jobId);
      if (!job) return { ok: false, message: `There is no bulk job ${jobId}.` };
      const name = `${job.name.replace(/[^\p{L}\p{N} _.-]+/gu, '_')}-results.csv`;
      const target = core.staging.reserve(name);
      try {
        const rows = await exportJobResults(core.db, jobId, target.path);
        const sealed = core.staging.seal(target.token);
        return { ok: true, token: sealed.token, name, size: sealed.size, rows };
      } catch (error) {
        core.staging.discard(target.token);
        throw error;
      }
    },
  };
}
