import type { ReplyOf } from '../../../shared/ipc/contract';
import type { Db } from '../db/connection';
import { jobSummary } from './list';

type Detail = Extract<ReplyOf<'jobs.get'>, { ok: true }>;

/** Messages listed under each failure reason on the job's page. */
const ROWS_PER_REASON = 50;

/** Failed and outcome-unknown messages grouped by the provider's code and sentence, largest first. */
function failures(db: Db, jobId: number): Detail['failures'] {
  const groups = db
    .prepare(
      `SELECT error_code AS code, coalesce(error_text, '') AS reason, state, count(*) AS count
       FROM messages WHERE job_id = ? AND state IN ('failed', 'unknown')
       GROUP BY error_code, error_text, state ORDER BY count DESC LIMIT 50`,
    )
    .all(jobId) as { code: string | null; reason: string; state: string; count: number }[];
  const rowsOf = db.prepare(
    `SELECT id, recipient, state FROM messages
     WHERE job_id = @jobId AND state = @state AND error_code IS @code AND coalesce(error_text, '') = @reason
     ORDER BY id LIMIT ${ROWS_PER_REASON}`,
  );
  return groups.map((g) => ({
    code: g.code,
    reason: g.reason || (g.state === 'unknown' ? 'Outcome unknown.' : 'Failed.'),
    count: g.count,
    rows: rowsOf.all({
      jobId,
      state: g.state,
      code: g.code,
      reason: g.reason,
    }) as Detail['failures'][number]['rows'],
  }));
}

interface Estimate {
  currency: string;
  max: number;
  parts: number;
}

function estimateOf(mapping: string): Estimate | null {
  try {
    const e = (JSON.parse(mapping) as { estimate?: Partial<Estimate> }).estimate;
    if (
      e &&
      typeof e.currency === 'string' &&
      typeof e.max === 'number' &&
      typeof e.parts === 'number'
    )
      return { currency: e.currency, max: e.max, parts: e.parts };
  } catch {
    // A mapping that is not JSON has no estimate.
  }
  return null;
}

/**
 * A job's page: the funnel, the failures by reason with their messages, the
 * parts handed over and their share of the estimate, and the timing, all from
 * the local database (so it works offline).
 */
export function jobDetail(db: Db, jobId: number): ReplyOf<'jobs.get'> {
  const job = jobSummary(db, jobId);
  if (!job) return { ok: false, message: `There is no bulk job ${jobId}.` };
  const t = db
    .prepare(
      `SELECT min(dispatched_at) AS firstSentAt, max(settled_at) AS lastSettledAt,
              coalesce(sum(segments), 0) AS parts,
              coalesce(sum(CASE WHEN state IN ('accepted', 'delivered') OR (state = 'failed' AND provider_message_id IS NOT NULL)
                                THEN coalesce(parts, segments) ELSE 0 END), 0) AS sentParts,
              coalesce(sum(CASE WHEN state = 'failed' AND provider_message_id IS NOT NULL THEN 1 ELSE 0 END), 0) AS failedAfterAccept
       FROM messages WHERE job_id = ?`,
    )
    .get(jobId) as {
    firstSentAt: number | null;
    lastSettledAt: number | null;
    parts: number;
    sentParts: number;
    failedAfterAccept: number;
  };
  const { counts } = job;
  const estimate = estimateOf(job.mapping);
  const { mapping: _mapping, ...summary } = job;
  return {
    ok: true,
    job: summary,
    funnel: {
      queued: job.total,
      // Handed over and taken: still in flight, delivered, or refused later by the network.
      accepted: counts.sent + counts.delivered + t.failedAfterAccept,
      delivered: counts.delivered,
      failed: counts.failed,
      unknown: counts.unknown,
      waiting: counts.queued,
      cancelled: counts.cancelled,
    },
    failures: failures(db, jobId),
    parts: { total: t.parts, sent: t.sentParts },
    cost: estimate
      ? {
          currency: estimate.currency,
          estimatedMax: estimate.max,
          spentEstimate: estimate.parts > 0 ? (estimate.max * t.sentParts) / estimate.parts : 0,
        }
      : null,
    timing: {
      createdAt: job.createdAt,
      firstSentAt: t.firstSentAt,
      lastSettledAt: t.lastSettledAt,
    },
  };
}
