import type { z } from 'zod';
import { fromMicros } from '../../../shared/cost/money';
import type {
  ReportBucket,
  ReportCounts,
  ReportsSummaryReply,
} from '../../../shared/ipc/schemas/reports';
import type { Db } from '../db/connection';
import { keptPriceList } from './prices';
import { registerCountryFunction } from './recipient-country';
import {
  checkTimeZone,
  DAY_MS,
  dayLabel,
  localDayOf,
  type OffsetSegment,
  offsetSegments,
  weekStartOf,
} from './zone-days';

type Counts = z.infer<typeof ReportCounts>;
type Summary = Extract<z.infer<typeof ReportsSummaryReply>, { ok: true }>;

export interface SummaryQuery {
  accountId: number;
  days: number;
  bucket: z.infer<typeof ReportBucket>;
  timeZone: string;
  now?: number;
}

/** One group of (bucket, country, sender); the view's tables are sums of these. */
interface Row {
  bucket: number;
  country: string | null;
  sender: string;
  sent: number;
  delivered: number | null;
  failed: number | null;
  waiting: number | null;
  unknown: number | null;
  parts: number | null;
  spendMicros: number | null;
  unpriced: number | null;
}

/** The zone's offset at any instant of the range, as SQL over `t` (2 or 3 branches at most). */
function offsetSql(segments: readonly OffsetSegment[]): string {
  const [first, ...rest] = segments;
  if (!first) return '0';
  if (rest.length === 0) return String(first.offsetMs);
  const branches = rest.map((s, i) => `WHEN t < ${s.from} THEN ${segments[i]?.offsetMs}`);
  return `CASE ${branches.join(' ')} ELSE ${segments[segments.length - 1]?.offsetMs} END`;
}

const AGGREGATES = `count(*) AS sent,
  sum(state = 'delivered') AS delivered, sum(state = 'failed') AS failed,
  sum(state = 'accepted') AS waiting, sum(state = 'unknown') AS unknown,
  sum(parts) AS parts,
  sum(CASE WHEN charged THEN parts * part_micros END) AS spendMicros,
  sum(charged AND part_micros IS NULL) AS unpriced`;

/**
 * One scan of the account's messages the provider was handed in the range:
 * each row gets its local day (through the zone's offsets), its country and
 * its price, and the rows are grouped by (bucket, country, sender) — a few
 * thousand groups at most, which `rollUp` adds up per bucket, country, sender
 * and in total (one grouping pass: four GROUP BYs over the rows cost about 3× as
 * much). A message counts at the time it went out: when it was handed over, or its
 * scheduled time for one the provider held (not before that time has come).
 * Charged: the provider accepted it (accepted, delivered, or failed after acceptance).
 */
function summarySql(segments: readonly OffsetSegment[], bucket: 'day' | 'week'): string {
  const bucketKey = bucket === 'day' ? 'day' : 'max(day - ((day + 3) % 7), @firstDay)';
  return `
    WITH handed AS MATERIALIZED (
      SELECT state, sender, report_country(recipient) AS country, parts, charged,
             (t + ${offsetSql(segments)}) / ${DAY_MS} AS day
        FROM (SELECT state, sender, recipient, coalesce(parts, segments) AS parts,
                     (state IN ('accepted', 'delivered')
                       OR (state = 'failed' AND provider_message_id IS NOT NULL)) AS charged,
                     CASE WHEN schedule_mode = 'provider' AND scheduled_for > dispatched_at
                          THEN scheduled_for ELSE dispatched_at END AS t
                FROM messages
               WHERE account_id = @accountId AND dispatched_at IS NOT NULL
                 AND state IN ('accepted', 'delivered', 'failed', 'unknown')
                 AND (dispatched_at >= @low OR scheduled_for >= @low))
       WHERE t BETWEEN @low AND @now
    )
    SELECT ${bucketKey} AS bucket, country, sender, ${AGGREGATES}
      FROM handed h LEFT JOIN account_prices p
        ON p.account_id = @accountId AND p.country_iso = h.country
     WHERE h.day BETWEEN @firstDay AND @lastDay
     GROUP BY 1, 2, 3`;
}

function countsOf(row: Sums | undefined, priced: boolean): Counts {
  const n = (v: number | null | undefined) => v ?? 0;
  return {
    sent: n(row?.sent),
    delivered: n(row?.delivered),
    failed: n(row?.failed),
    waiting: n(row?.waiting),
    unknown: n(row?.unknown),
    parts: n(row?.parts),
    spend: priced ? fromMicros(n(row?.spendMicros)) : null,
    unpriced: n(row?.unpriced),
  };
}

const SUMMED = [
  'sent',
  'delivered',
  'failed',
  'waiting',
  'unknown',
  'parts',
  'spendMicros',
  'unpriced',
] as const;
type Sums = Pick<Row, (typeof SUMMED)[number]>;

/** The groups' sums per key. SQLite's sum() is exact for integers; so is this below 2^53. */
function rollUp<K>(rows: readonly Row[], key: (row: Row) => K): Map<K, Sums> {
  const out = new Map<K, Sums>();
  for (const row of rows) {
    const k = key(row);
    const sums = out.get(k) ?? {
      sent: 0,
      delivered: 0,
      failed: 0,
      waiting: 0,
      unknown: 0,
      parts: 0,
      spendMicros: 0,
      unpriced: 0,
    };
    for (const field of SUMMED) sums[field] = (sums[field] ?? 0) + (row[field] ?? 0);
    out.set(k, sums);
  }
  return out;
}

function bucketStarts(firstDay: number, lastDay: number, bucket: 'day' | 'week'): number[] {
  const starts: number[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) {
    if (bucket === 'day' || day === firstDay || weekStartOf(day) === day) starts.push(day);
  }
  return starts;
}

const bySentThenName =
  <T extends Counts>(name: (row: T) => string) =>
  (a: T, b: T) =>
    b.sent - a.sent || name(a).localeCompare(name(b));

/** The Reports view's figures for one account, from local data only (works offline). */
export function reportSummary(db: Db, query: SummaryQuery): Summary {
  checkTimeZone(query.timeZone);
  registerCountryFunction(db);
  const now = query.now ?? Date.now();
  // Every zone is within 14 h of UTC: a day either side covers the range's first local day.
  const low = now - (query.days + 1) * DAY_MS;
  const segments = offsetSegments(low, now, query.timeZone);
  const lastDay = localDayOf(now, segments);
  const firstDay = lastDay - query.days + 1;
  const prices = keptPriceList(db, query.accountId);
  const rows = db
    .prepare(summarySql(segments, query.bucket))
    .all({ accountId: query.accountId, low, now, firstDay, lastDay }) as Row[];
  const priced = prices !== null;
  const buckets = rollUp(rows, (r) => r.bucket);
  const byCountry = [...rollUp(rows, (r) => r.country)]
    .map(([country, r]) => ({ country, ...countsOf(r, priced) }))
    .sort(bySentThenName((r) => r.country ?? '~'));
  const bySender = [...rollUp(rows, (r) => r.sender)]
    .map(([sender, r]) => ({ sender, ...countsOf(r, priced) }))
    .sort(bySentThenName((r) => r.sender));
  return {
    ok: true,
    from: dayLabel(firstDay),
    to: dayLabel(lastDay),
    bucket: query.bucket,
    prices: prices ? { currency: prices.currency, readAt: prices.readAt } : null,
    pricesAvailable: true,
    totals: countsOf(rollUp(rows, () => 'all').get('all'), priced),
    series: bucketStarts(firstDay, lastDay, query.bucket).map((day) => ({
      start: dayLabel(day),
      ...countsOf(buckets.get(day), priced),
    })),
    byCountry,
    bySender,
  };
}
