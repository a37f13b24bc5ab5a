import type { Db } from '../db/connection';

export interface NewJob {
  accountId: number;
  name: string;
  sender: string;
  template: string;
  mapping?: Record<string, unknown>;
  sourceFile?: string | null;
}

/** A bulk job groups the messages of one bulk send so they can be paused, resumed and cancelled together. */
export function createJob(db: Db, job: NewJob, now = Date.now()): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO bulk_jobs (account_id, name, sender, template, mapping, source_file, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      job.accountId,
      job.name,
      job.sender,
      job.template,
      JSON.stringify(job.mapping ?? {}),
      job.sourceFile ?? null,
      now,
    );
  return Number(lastInsertRowid);
}
