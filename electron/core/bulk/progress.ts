import type { Db } from '../db/connection';

export interface JobProgress {
  jobId: number;
  name: string;
  state: 'importing' | 'active' | 'paused' | 'cancelled';
  total: number;
  /** Waiting or being sent (includes those scheduled for later). */
  queued: number;
  /** Accepted by the provider, delivery not yet known. */
  sent: number;
  delivered: number;
  failed: number;
  /** Sent, but the answer was lost: waiting for reconciliation or a decision. */
  unknown: number;
  cancelled: number;
}

/** Live counts of one bulk job, one indexed query (messages_by_job). */
export function jobProgress(db: Db, jobId: number): JobProgress | null {
  const job = db.prepare('SELECT id, name, state FROM bulk_jobs WHERE id = ?').get(jobId) as
    | { id: number; name: string; state: JobProgress['state'] }
    | undefined;
  if (!job) return null;
  const rows = db
    .prepare('SELECT state, count(*) AS n FROM messages WHERE job_id = ? GROUP BY state')
    .all(jobId) as {
    state: string;
    n: number;
  }[];
  const by = Object.fromEntries(rows.map((r) => [r.state, r.n])) as Record<string, number>;
  const n = (s: string) => by[s] ?? 0;
  return {
    jobId: job.id,
    name: job.name,
    state: job.state,
    total: rows.reduce((sum, r) => sum + r.n, 0),
    queued: n('queued') + n('sending'),
    sent: n('accepted'),
    delivered: n('delivered'),
    failed: n('failed'),
    unknown: n('unknown'),
    cancelled: n('cancelled'),
  };
}
