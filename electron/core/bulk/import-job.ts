import { hostname } from 'node:os';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { enqueueMessages, type NewMessage } from '../outbox/enqueue';
import { createJob, type NewJob } from '../outbox/jobs';

/**
 * Who is importing a job, kept in its mapping JSON while it is 'importing'
 * (the table has no column for it): start-up clean-up must not delete an
 * import another process (the app and the CLI share the file) is running now.
 */
interface Importer {
  host: string;
  pid: number;
  heartbeatAt: number;
}

/** An import that has not written a chunk for this long is abandoned even if its process lives. */
export const IMPORT_STALE_MS = 5 * 60_000;

function importer(now: number): Importer {
  return { host: hostname(), pid: process.pid, heartbeatAt: now };
}

/** Creates the job in state 'importing': the outbox claims none of its rows until `finish`. */
export function startImportJob(db: Db, job: NewJob, now = Date.now()): number {
  return writeTransaction(db, () => {
    const id = createJob(db, { ...job, mapping: { ...job.mapping, importer: importer(now) } }, now);
    db.prepare(`UPDATE bulk_jobs SET state = 'importing' WHERE id = ?`).run(id);
    return id;
  });
}

/** Queues one chunk of the job's rows in its own transaction and marks the importer alive. */
export function addImportChunk(
  db: Db,
  jobId: number,
  messages: readonly NewMessage[],
  now = Date.now(),
): void {
  writeTransaction(db, () => {
    stillWanted(db, jobId);
    enqueueMessages(db, messages, { now });
    db.prepare(
      `UPDATE bulk_jobs SET mapping = json_set(mapping, '$.importer', json(?)) WHERE id = ?`,
    ).run(JSON.stringify(importer(now)), jobId);
  });
}

/** Thrown when the person cancelled (or clean-up removed) the job while its file was still being read. */
export class ImportCancelledError extends Error {
  constructor(jobId: number) {
    super(
      `Bulk job ${jobId} was cancelled while its file was being imported; nothing of it was queued.`,
    );
    this.name = 'ImportCancelledError';
  }
}

/** A job paused mid-import finishes importing (and stays paused); a cancelled or removed one stops. */
function stillWanted(db: Db, jobId: number): void {
  const state = db.prepare('SELECT state FROM bulk_jobs WHERE id = ?').pluck().get(jobId);
  if (state !== 'importing' && state !== 'paused') throw new ImportCancelledError(jobId);
}

/**
 * The last chunk and the switch to 'active' in ONE transaction: the job is
 * whole or not there. A job paused while importing stays paused, now whole.
 */
export function finishImportJob(
  db: Db,
  jobId: number,
  last: readonly NewMessage[],
  now = Date.now(),
): void {
  writeTransaction(db, () => {
    stillWanted(db, jobId);
    if (last.length > 0) enqueueMessages(db, last, { now });
    db.prepare(
      `UPDATE bulk_jobs SET state = CASE state WHEN 'importing' THEN 'active' ELSE state END,
         mapping = json_remove(mapping, '$.importer')
       WHERE id = ?`,
    ).run(jobId);
    eventsOf(db).jobChanged(jobId);
  });
}

/** An import that never finished still carries its importer (whatever the person did to its state). */
const UNFINISHED = `json_type(mapping, '$.importer') IS NOT NULL`;

/**
 * Deletes an unfinished import with its rows (after a failure, a cancel, or
 * when abandoned), also if it was paused or cancelled while importing.
 */
export function discardImportJob(db: Db, jobId: number): void {
  writeTransaction(db, () => {
    // Checked inside the transaction: a job that finished meanwhile is kept whole.
    const unfinished = db
      .prepare(`SELECT 1 FROM bulk_jobs WHERE id = ? AND ${UNFINISHED}`)
      .get(jobId);
    if (!unfinished) return;
    db.prepare('DELETE FROM messages WHERE job_id = ?').run(jobId);
    db.prepare('DELETE FROM bulk_jobs WHERE id = ?').run(jobId);
    eventsOf(db).outboxChanged('all');
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isAbandoned(mapping: string, now: number, staleMs: number): boolean {
  let who: Partial<Importer> | undefined;
  try {
    who = (JSON.parse(mapping) as { importer?: Partial<Importer> }).importer;
  } catch {
    return true;
  }
  if (!who || typeof who.heartbeatAt !== 'number' || typeof who.pid !== 'number') return true;
  if (now - who.heartbeatAt > staleMs) return true;
  return who.host === hostname() && !processAlive(who.pid);
}

/**
 * Removes jobs a crash left in 'importing', with their rows, so a crash
 * mid-import leaves nothing queued. Imports still running in another live
 * process on this machine (recent heartbeat) are left alone. Returns the job ids removed.
 */
export function cleanAbandonedImports(
  db: Db,
  options: { now?: number; staleMs?: number } = {},
): number[] {
  const now = options.now ?? Date.now();
  const staleMs = options.staleMs ?? IMPORT_STALE_MS;
  const jobs = db
    .prepare(`SELECT id, mapping FROM bulk_jobs WHERE state = 'importing' OR ${UNFINISHED}`)
    .all() as {
    id: number;
    mapping: string;
  }[];
  const removed = jobs.filter((j) => isAbandoned(j.mapping, now, staleMs)).map((j) => j.id);
  for (const id of removed) discardImportJob(db, id);
  return removed;
}
