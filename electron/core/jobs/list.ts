import type { JobCounts, JobSummary } from '../../../shared/ipc/schemas/jobs';
import type { Db } from '../db/connection';

interface JobRow {
  id: number;
  name: string;
  state: JobSummary['state'];
  account_id: number;
  account: string;
  sender: string;
  created_at: number;
}

const JOB_COLUMNS = `j.id, j.name, j.state, j.account_id, a.name AS account, j.sender, j.created_at`;

/** Counts by state for several jobs in one grouped query (index messages_by_job). */
function countsOf(db: Db, jobIds: number[]): Map<number, Record<string, number>> {
  const rows = db
    .prepare(
      `SELECT job_id AS jobId, state, count(*) AS n FROM messages
       WHERE job_id IN (SELECT value FROM json_each(?)) GROUP BY job_id, state`,
    )
    .all(JSON.stringify(jobIds)) as { jobId: number; state: string; n: number }[];
  const by = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const counts = by.get(r.jobId) ?? {};
    counts[r.state] = r.n;
    by.set(r.jobId, counts);
  }
  return by;
}

function summary(row: JobRow, states: Record<string, number>): JobSummary {
  const n = (s: string) => states[s] ?? 0;
  const counts: JobCounts = {
    queued: n('queued') + n('sending'),
    sent: n('accepted'),
    delivered: n('delivered'),
    failed: n('failed'),
    unknown: n('unknown'),
    cancelled: n('cancelled'),
  };
  const total = Object.values(states).reduce((a, b) => a + b, 0);
  const open = counts.queued + counts.unknown + counts.sent;
  return {
    jobId: row.id,
    name: row.name,
    state: row.state,
    accountId: row.account_id,
    account: row.account,
    sender: row.sender,
    createdAt: row.created_at,
    total,
    counts,
    finished: row.state === 'cancelled' || (row.state !== 'importing' && total > 0 && open === 0),
  };
}

/** Every bulk job, newest first, with its counts (jobs still importing are not shown: not sendable yet). */
export function listJobs(db: Db): JobSummary[] {
  const rows = db
    .prepare(
      `SELECT ${JOB_COLUMNS} FROM bulk_jobs j JOIN accounts a ON a.id = j.account_id
       WHERE j.state <> 'importing' AND json_type(j.mapping, '$.importer') IS NULL
       ORDER BY j.id DESC`,
    )
    .all() as JobRow[];
  const counts = countsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => summary(r, counts.get(r.id) ?? {}));
}

export function jobSummary(
  db: Db,
  jobId: number,
): (JobSummary & { template: string; sourceFile: string | null; mapping: string }) | null {
  const row = db
    .prepare(
      `SELECT ${JOB_COLUMNS}, j.template, j.source_file, j.mapping FROM bulk_jobs j
       JOIN accounts a ON a.id = j.account_id WHERE j.id = ?`,
    )
    .get(jobId) as
    | (JobRow & { template: string; source_file: string | null; mapping: string })
    | undefined;
  if (!row) return null;
  return {
    ...summary(row, countsOf(db, [jobId]).get(jobId) ?? {}),
    template: row.template,
    sourceFile: row.source_file,
    mapping: row.mapping,
  };
}
