import { z } from 'zod';

const AccountId = z.number().int().positive();
const Failure = z.object({ ok: z.literal(false), message: z.string() });

/** The ranges the Reports view offers: the last 7, 30 or 90 days, today included. */
export const REPORT_RANGES = [7, 30, 90] as const;
export const ReportRange = z.union([z.literal(7), z.literal(30), z.literal(90)]);
export const ReportBucket = z.enum(['day', 'week']);

export const ReportsSummaryRequest = z
  .object({
    accountId: AccountId,
    days: ReportRange,
    bucket: ReportBucket,
    /** The IANA zone whose calendar days and weeks (from Monday) the buckets follow. */
    timeZone: z.string().min(1).max(64),
  })
  .strict();

/**
 * Messages the provider was handed, by what became of them. `delivered` over
 * `delivered + failed` is the delivery rate; `waiting` (no delivery report yet)
 * and `unknown` (outcome not known) are left out of it.
 */
export const ReportCounts = z.object({
  sent: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  waiting: z.number().int(),
  unknown: z.number().int(),
  parts: z.number().int(),
  /** Parts the provider charged × its price per part, in the price list's currency; null without one. */
  spend: z.number().nullable(),
  /** Charged messages to countries the kept price list has no price for (left out of spend). */
  unpriced: z.number().int(),
});

export const ReportBucketRow = ReportCounts.extend({
  /** First local day of the bucket, 'YYYY-MM-DD' (a week starts on Monday). */
  start: z.string(),
});
export const ReportCountryRow = ReportCounts.extend({
  /** ISO 3166 code, or null for numbers of no country. */
  country: z.string().nullable(),
});
export const ReportSenderRow = ReportCounts.extend({ sender: z.string() });

export const ReportsSummaryReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** First and last local day of the range, 'YYYY-MM-DD'. */
    from: z.string(),
    to: z.string(),
    bucket: ReportBucket,
    /** The kept price list: its currency and when it was read, or null before the first read. */
    prices: z.object({ currency: z.string(), readAt: z.number() }).nullable(),
    /** Whether this account's provider publishes prices at all. */
    pricesAvailable: z.boolean(),
    totals: ReportCounts,
    /** Every bucket of the range in order, empty ones included. */
    series: z.array(ReportBucketRow),
    byCountry: z.array(ReportCountryRow),
    bySender: z.array(ReportSenderRow),
  }),
  Failure,
]);

export const ReportsPricesRequest = z.object({ accountId: AccountId }).strict();
export const ReportsPricesReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    currency: z.string(),
    countries: z.number().int(),
    readAt: z.number(),
  }),
  Failure,
]);
