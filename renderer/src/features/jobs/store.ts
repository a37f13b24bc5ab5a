import { create } from 'zustand';
import type { ReplyOf } from '../../../../shared/ipc/contract';
import type { EventPayload } from '../../../../shared/ipc/events';
import type { JobSummary } from '../../../../shared/ipc/schemas/jobs';
import { downloadStaged } from '../../lib/download';
import { coalesce } from '../../lib/latest';
import { outpost } from '../../lib/outpost';
import { type Problem, problemFrom } from '../../lib/problem';

export type JobDetail = Extract<ReplyOf<'jobs.get'>, { ok: true }>;
export type ProviderFigures = ReplyOf<'jobs.provider'>;
export type JobAction = 'pause' | 'resume' | 'cancel';

interface JobsState {
  jobs: JobSummary[];
  loaded: boolean;
  /** True while the Jobs view is shown: pushed progress then refreshes what it shows. */
  watching: boolean;
  /** The job whose page is open, or null for the list. */
  selected: number | null;
  detail: JobDetail | null;
  detailProblem: Problem | null;
  provider: ProviderFigures | 'loading' | null;
  load: () => Promise<void>;
  stopWatching: () => void;
  open: (jobId: number | null) => void;
  loadProvider: () => Promise<void>;
  control: (jobId: number, action: JobAction) => Promise<Problem>;
  exportResults: (jobId: number) => Promise<Problem | null>;
  applyProgress: (event: EventPayload<'job.progress'>) => void;
}

const COUNT_KEYS = ['queued', 'sent', 'delivered', 'failed', 'unknown', 'cancelled'] as const;

export const useJobs = create<JobsState>((set, get) => {
  const fetchList = coalesce(async () => {
    set({ jobs: await outpost().jobs.list(), loaded: true });
  });
  const fetchDetail = coalesce(async () => {
    const jobId = get().selected;
    if (jobId === null) return;
    const reply = await outpost().jobs.get({ jobId });
    if (get().selected !== jobId) return;
    if (reply.ok) set({ detail: reply, detailProblem: null });
    else set({ detail: null, detailProblem: { sentence: reply.message } });
  });
  const refresh = async () => {
    await fetchList();
    if (get().selected !== null) await fetchDetail();
  };
  return {
    jobs: [],
    loaded: false,
    watching: false,
    selected: null,
    detail: null,
    detailProblem: null,
    provider: null,
    load: async () => {
      set({ watching: true });
      await refresh();
    },
    stopWatching: () => set({ watching: false }),
    open: (jobId) => {
      set({ selected: jobId, detail: null, detailProblem: null, provider: null });
      if (jobId !== null) void fetchDetail();
    },
    loadProvider: async () => {
      const jobId = get().selected;
      if (jobId === null) return;
      set({ provider: 'loading' });
      try {
        const figures = await outpost().jobs.provider({ jobId });
        if (get().selected === jobId) set({ provider: figures });
      } catch (error) {
        set({
          provider: { ok: false, unsupported: false, message: problemSentence(problemFrom(error)) },
        });
      }
    },
    control: async (jobId, action) => {
      const reply = await outpost().jobs.control({ jobId, action });
      await refresh();
      if (!reply.ok) return { sentence: reply.message };
      return { key: `jobs:notice.${action}`, params: { id: jobId } };
    },
    exportResults: async (jobId) => {
      try {
        const reply = await outpost().jobs.export({ jobId });
        if (!reply.ok) return { sentence: reply.message };
        await downloadStaged(reply.token, reply.name);
        return null;
      } catch (error) {
        return problemFrom(error);
      }
    },
    applyProgress: (event) => {
      const { jobs, watching, selected } = get();
      const known = jobs.some((j) => j.jobId === event.jobId);
      if (known) {
        set({
          jobs: jobs.map((j) =>
            j.jobId === event.jobId
              ? {
                  ...j,
                  state: event.state as JobSummary['state'],
                  total: event.total,
                  counts: Object.fromEntries(
                    COUNT_KEYS.map((k) => [k, event.counts[k] ?? 0]),
                  ) as JobSummary['counts'],
                }
              : j,
          ),
        });
      }
      if (!watching) return;
      if (!known) void fetchList();
      if (selected === event.jobId) void fetchDetail();
    },
  };
});

function problemSentence(problem: Problem): string {
  return 'sentence' in problem ? problem.sentence : problem.key;
}

/** A job's share of settled messages (0-1), for its progress bar. */
export function settledShare(total: number, counts: Record<string, number>): number {
  if (total === 0) return 0;
  const open = (counts.queued ?? 0) + (counts.unknown ?? 0);
  return (total - open) / total;
}
