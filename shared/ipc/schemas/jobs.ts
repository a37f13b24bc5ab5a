import { z } from 'zod';
import { DownloadReply } from './bulk';

/** Bulk jobs after they were queued: the Jobs view and a job's page. */

const JobState = z.enum(['importing', 'active', 'paused', 'cancelled']);

export const JobCounts = z.object({
  /** Waiting or being sent (includes those scheduled for later). */
  queued: z.number().int(),
  /** Accepted by the provider, delivery not yet known. */
  sent: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  unknown: z.number().int(),
  cancelled: z.number().int(),
});
export type JobCounts = z.infer<typeof JobCounts>;

export const JobSummary = z.object({
  jobId: z.number().int(),
  name: z.string(),
  state: JobState,
  accountId: z.number().int(),
  account: z.string(),
  sender: z.string(),
  createdAt: z.number(),
  total: z.number().int(),
  counts: JobCounts,
  /** Nothing is left to send or to settle (all final, or cancelled). */
  finished: z.boolean(),
});
export type JobSummary = z.infer<typeof JobSummary>;

export const JobsListReply = z.array(JobSummary);
export const JobRequest = z.object({ jobId: z.number().int().positive() }).strict();

export const FailureGroup = z.object({
  code: z.string().nullable(),
  reason: z.string(),
  count: z.number().int(),
  /** The first messages behind this reason. */
  rows: z.array(z.object({ id: z.number().int(), recipient: z.string(), state: z.string() })),
});

export const JobDetailReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    job: JobSummary.extend({ template: z.string(), sourceFile: z.string().nullable() }),
    /** queued → accepted → delivered / failed / unknown: how many reached each step. */
    funnel: z.object({
      queued: z.number().int(),
      accepted: z.number().int(),
      delivered: z.number().int(),
      failed: z.number().int(),
      unknown: z.number().int(),
      waiting: z.number().int(),
      cancelled: z.number().int(),
    }),
    failures: z.array(FailureGroup),
    parts: z.object({ total: z.number().int(), sent: z.number().int() }),
    /** The estimate made when the job was queued, and its share for the parts handed over. */
    cost: z
      .object({ currency: z.string(), estimatedMax: z.number(), spentEstimate: z.number() })
      .nullable(),
    timing: z.object({
      createdAt: z.number(),
      firstSentAt: z.number().nullable(),
      lastSettledAt: z.number().nullable(),
    }),
  }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

/** The provider's own figures for the job's campaign (360nrs: campaign counters and events report). */
export const JobProviderReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    campaign: z
      .object({
        id: z.string(),
        name: z.string(),
        sendings: z.array(
          z.object({
            id: z.string(),
            status: z.string(),
            total: z.number(),
            processed: z.number(),
            parts: z.number().nullable(),
            cost: z.number(),
            currency: z.string(),
            counts: z.record(z.string(), z.number()),
          }),
        ),
      })
      .nullable(),
    /** The events report of the sendings, counted by event (delivered, undelivered…). */
    events: z.record(z.string(), z.number().int()),
    eventsTotal: z.number().int(),
  }),
  z.object({
    ok: z.literal(false),
    /** 'unsupported' when the provider keeps no campaign figures; otherwise why they could not be read. */
    unsupported: z.boolean(),
    message: z.string(),
  }),
]);

export const JobControlRequest = z
  .object({ jobId: z.number().int().positive(), action: z.enum(['pause', 'resume', 'cancel']) })
  .strict();
export const JobControlReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), cancelled: z.number().int().optional() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

export const JobExportReply = DownloadReply;
