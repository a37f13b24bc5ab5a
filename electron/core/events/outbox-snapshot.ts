import { jobProgress } from '../bulk/progress';
import type { Db } from '../db/connection';
import { outboxStatus } from '../outbox/status';

/** What changed in the outbox since the last event went out. */
export interface OutboxChanges {
  /** Messages whose state changed. */
  changed: Set<number>;
  /** The subset whose change was a delivery report. */
  delivered: Set<number>;
  /** Bulk jobs changed as a whole (paused, resumed, cancelled). */
  jobs: Set<number>;
  /** Too much changed to name: listeners refetch. */
  refetch: boolean;
}

export interface JobSnapshot {
  jobId: number;
  name: string;
  state: string;
  total: number;
  counts: Record<string, number>;
  /** Nothing of it is left to send (all settled, or cancelled) and this change was a send's. */
  finished: boolean;
}

const idsParam = (ids: Iterable<number>) => JSON.stringify([...ids]);

/** Jobs of the changed messages, and of those changed as a whole; `sending` tells a send's change from a delivery's. */
function changedJobs(db: Db, changes: OutboxChanges): Map<number, boolean> {
  const sent = [...changes.changed].filter((id) => !changes.delivered.has(id));
  const byId = (ids: Iterable<number>) =>
    db
      .prepare(
        `SELECT DISTINCT job_id FROM messages
         WHERE job_id IS NOT NULL AND id IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(idsParam(ids)) as number[];
  const jobs = new Map<number, boolean>();
  for (const id of byId(changes.delivered)) jobs.set(id, false);
  for (const id of [...byId(sent), ...changes.jobs]) jobs.set(id, true);
  return jobs;
}

function failedByAccount(db: Db, ids: Set<number>): { accountId: number; count: number }[] {
  if (ids.size === 0) return [];
  return db
    .prepare(
      `SELECT account_id AS accountId, count(*) AS count FROM messages
       WHERE state = 'failed' AND id IN (SELECT value FROM json_each(?)) GROUP BY account_id`,
    )
    .all(idsParam(ids)) as { accountId: number; count: number }[];
}

/** Reads, after the changes committed, what the events about them carry. */
export function readOutboxEvents(db: Db, changes: OutboxChanges) {
  const jobs: JobSnapshot[] = [];
  for (const [jobId, bySend] of changedJobs(db, changes)) {
    const p = jobProgress(db, jobId);
    if (!p) continue;
    const { jobId: _id, name, state, total, ...counts } = p;
    const open = p.queued + p.unknown;
    jobs.push({
      jobId,
      name,
      state,
      total,
      counts,
      finished:
        bySend && state !== 'importing' && (state === 'cancelled' || (total > 0 && open === 0)),
    });
  }
  return {
    counts: outboxStatus(db).counts as Record<string, number>,
    failed: failedByAccount(db, changes.changed),
    jobs,
  };
}
