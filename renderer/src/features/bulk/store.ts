import { create } from 'zustand';
import type { ReplyOf, RequestOf } from '../../../../shared/ipc/contract';
import type { EventPayload } from '../../../../shared/ipc/events';
import type { EncodingChoice } from '../../../../shared/sms';
import { downloadStaged } from '../../lib/download';
import { outpost } from '../../lib/outpost';
import { type Problem, problemFrom } from '../../lib/problem';
import { discardStagedFile, type StagedFileRef, stageFile } from '../../lib/stage-file';

export const STEPS = ['file', 'columns', 'message', 'report', 'totals', 'progress'] as const;
export type Step = (typeof STEPS)[number];

export type Sniff = Extract<ReplyOf<'bulk.sniff'>, { ok: true }>;
export type Analysis = Extract<ReplyOf<'bulk.analyze'>, { ok: true }>;
type FileOverrides = Omit<RequestOf<'bulk.sniff'>, 'file'>;

export interface MessageChoices {
  accountId: number | null;
  sender: string | null;
  template: string;
  encoding: EncodingChoice;
  /** datetime-local text; empty = now. */
  at: string;
}

interface Progress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

type RunState =
  | { status: 'idle' }
  | { status: 'running'; runId: string; progress: Progress | null }
  | { status: 'failed'; problem: Problem }
  | { status: 'cancelled' };

export interface LiveJob {
  jobId: number;
  state: string;
  total: number;
  counts: Record<string, number>;
  finished: boolean;
}

interface BulkState {
  step: Step;
  file: StagedFileRef | null;
  upload: { sent: number; size: number } | null;
  fileProblem: Problem | null;
  sniff: Sniff | null;
  overrides: FileOverrides;
  message: MessageChoices;
  analysisRun: RunState;
  analysis: Analysis | null;
  /** The inputs the current analysis was made from: a change means "check again". */
  analysisKey: string | null;
  jobName: string | null;
  startRun: RunState;
  startField: string | null;
  job: LiveJob | null;
  chooseFile: (file: File) => Promise<void>;
  setOverrides: (patch: FileOverrides) => Promise<void>;
  setMessage: (patch: Partial<MessageChoices>) => void;
  setJobName: (name: string) => void;
  goTo: (step: Step) => void;
  analyze: () => Promise<void>;
  cancelRun: () => void;
  downloadRejected: () => Promise<Problem | null>;
  /** Confirm: queue the job, sent from `sender` (the person's default when they left it). */
  confirm: (sender: string) => Promise<void>;
  /** Cancel: drops the staged file and every choice; nothing was queued. */
  reset: () => Promise<void>;
  applyProgress: (event: EventPayload<'bulk.progress'>) => void;
  applyJob: (event: EventPayload<'job.progress'>) => void;
  applyJobFinished: (event: EventPayload<'job.finished'>) => void;
}

const INITIAL_MESSAGE: MessageChoices = {
  accountId: null,
  sender: null,
  template: '',
  encoding: 'auto',
  at: '',
};

function newRunId(): string {
  return crypto.randomUUID();
}

/** datetime-local text as ms, or undefined for "now" (or text that is not a time). */
export function atMs(at: string): number | undefined {
  if (at.trim() === '') return undefined;
  const ms = new Date(at).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

let uploadAbort: AbortController | null = null;

export const useBulk = create<BulkState>((set, get) => {
  const request = () => {
    const { file, overrides, message } = get();
    if (!file || message.accountId === null) return null;
    const at = atMs(message.at);
    return {
      file: file.token,
      ...overrides,
      accountId: message.accountId,
      template: message.template,
      messageEncoding: message.encoding,
      ...(at !== undefined ? { at } : {}),
    };
  };
  const sniff = async () => {
    const { file, overrides } = get();
    if (!file) return;
    const reply = await outpost().bulk.sniff({ file: file.token, ...overrides });
    if (reply.ok) set({ sniff: reply, fileProblem: null });
    else set({ sniff: null, fileProblem: { sentence: reply.message } });
  };
  return {
    step: 'file',
    file: null,
    upload: null,
    fileProblem: null,
    sniff: null,
    overrides: {},
    message: INITIAL_MESSAGE,
    analysisRun: { status: 'idle' },
    analysis: null,
    analysisKey: null,
    jobName: null,
    startRun: { status: 'idle' },
    startField: null,
    job: null,

    chooseFile: async (file) => {
      const previous = get().file;
      uploadAbort?.abort();
      const abort = new AbortController();
      uploadAbort = abort;
      set({
        file: null,
        sniff: null,
        fileProblem: null,
        overrides: {},
        analysis: null,
        analysisKey: null,
        jobName: null,
        upload: { sent: 0, size: file.size },
      });
      if (previous) void discardStagedFile(previous.token);
      try {
        const staged = await stageFile(file, {
          signal: abort.signal,
          onProgress: (sent, size) => set({ upload: { sent, size } }),
        });
        if (abort.signal.aborted) {
          void discardStagedFile(staged.token);
          return;
        }
        set({ file: staged, upload: null });
        await sniff();
      } catch (error) {
        if (!abort.signal.aborted) set({ upload: null, fileProblem: problemFrom(error) });
      }
    },

    setOverrides: async (patch) => {
      set({ overrides: { ...get().overrides, ...patch } });
      await sniff();
    },

    setMessage: (patch) => set({ message: { ...get().message, ...patch } }),
    setJobName: (jobName) => set({ jobName, startField: null }),
    goTo: (step) => {
      set({ step });
      if (step === 'report' || step === 'totals') void get().analyze();
    },

    analyze: async () => {
      const base = request();
      if (!base) return;
      const key = JSON.stringify(base);
      const { analysisKey, analysisRun } = get();
      if (analysisRun.status === 'running' || (key === analysisKey && get().analysis)) return;
      const runId = newRunId();
      set({
        analysisRun: { status: 'running', runId, progress: null },
        analysis: null,
        analysisKey: key,
      });
      try {
        const reply = await outpost().bulk.analyze({ runId, ...base });
        if (reply.ok) set({ analysis: reply, analysisRun: { status: 'idle' } });
        else
          set({
            analysisKey: null,
            analysisRun: reply.cancelled
              ? { status: 'cancelled' }
              : { status: 'failed', problem: { sentence: reply.message } },
          });
      } catch (error) {
        set({ analysisKey: null, analysisRun: { status: 'failed', problem: problemFrom(error) } });
      }
    },

    cancelRun: () => {
      for (const run of [get().analysisRun, get().startRun]) {
        if (run.status === 'running') void outpost().bulk.cancel({ runId: run.runId });
      }
    },

    downloadRejected: async () => {
      const analysis = get().analysis;
      if (!analysis) return null;
      try {
        const reply = await outpost().bulk.rejected({ runId: analysis.runId });
        if (!reply.ok) return { sentence: reply.message };
        await downloadStaged(reply.token, reply.name);
        return null;
      } catch (error) {
        return problemFrom(error);
      }
    },

    confirm: async (sender) => {
      const base = request();
      const { analysis, jobName } = get();
      if (!base || !analysis || get().startRun.status === 'running') return;
      const runId = newRunId();
      set({
        startRun: { status: 'running', runId, progress: null },
        startField: null,
        step: 'progress',
      });
      try {
        const reply = await outpost().bulk.start({
          runId,
          ...base,
          sender,
          jobName: (jobName ?? analysis.suggestedName).trim(),
        });
        if (reply.ok) {
          set({
            startRun: { status: 'idle' },
            file: null,
            job: {
              jobId: reply.jobId,
              state: 'active',
              total: reply.queued,
              counts: { queued: reply.queued },
              finished: false,
            },
          });
          return;
        }
        // Back to the totals, where the sender and the name can be changed; the file is still staged.
        set({
          step: 'totals',
          startField: reply.field,
          startRun: reply.cancelled
            ? { status: 'cancelled' }
            : { status: 'failed', problem: { sentence: reply.message } },
        });
      } catch (error) {
        set({ step: 'totals', startRun: { status: 'failed', problem: problemFrom(error) } });
      }
    },

    reset: async () => {
      get().cancelRun();
      uploadAbort?.abort();
      const file = get().file;
      set({
        step: 'file',
        file: null,
        upload: null,
        fileProblem: null,
        sniff: null,
        overrides: {},
        message: {
          ...INITIAL_MESSAGE,
          accountId: get().message.accountId,
          sender: get().message.sender,
        },
        analysisRun: { status: 'idle' },
        analysis: null,
        analysisKey: null,
        jobName: null,
        startRun: { status: 'idle' },
        startField: null,
        job: null,
      });
      if (file) await discardStagedFile(file.token);
    },

    applyProgress: (event) => {
      for (const which of ['analysisRun', 'startRun'] as const) {
        const run = get()[which];
        if (run.status === 'running' && run.runId === event.runId)
          set({ [which]: { ...run, progress: event } } as Partial<BulkState>);
      }
    },

    applyJob: (event) => {
      const job = get().job;
      if (job && job.jobId === event.jobId)
        set({ job: { ...job, state: event.state, total: event.total, counts: event.counts } });
    },

    applyJobFinished: (event) => {
      const job = get().job;
      if (job && job.jobId === event.jobId)
        set({ job: { ...job, counts: event.counts, finished: true } });
    },
  };
});
