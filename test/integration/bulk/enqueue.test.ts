import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import {
  CsvFileError,
  cleanAbandonedImports,
  exportJobResults,
  ImportCancelledError,
  importBulk,
  jobProgress,
  NothingToQueueError,
  suppressionLookup,
} from '../../../electron/core/bulk';
import { startImportJob } from '../../../electron/core/bulk/import-job';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { cancelJob, setJobPaused } from '../../../electron/core/outbox/control';
import { FIELDS_JSON_SQL } from '../../../electron/core/outbox/fields';
import { suppress } from '../../../electron/core/sync';
import { collect, exited, spawnTs, waitForOutput } from '../../helpers/child';
import { tempDir } from '../../helpers/temp-dir';
import { spanishMobile, writeContactsCsv } from './csv-gen';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let accountId: number;

beforeEach(() => {
  dir = tempDir('outpost-bulk-');
  db = openAppDatabase(dir.path);
  accountId = addAccount(db, {
    name: 'A',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:1/nrs',
    secretRef: 'env:X',
  }).id;
});
afterEach(() => {
  db.close();
  dir.remove();
});

const target = () => ({ db, accountId, sender: 'OUTPOST', jobName: 'November' });
const count = (sql: string, ...args: unknown[]) =>
  Number(
    db
      .prepare(sql)
      .pluck()
      .get(...args),
  );

describe('importBulk', () => {
  it('queues the valid rows as one active job with its mapping, in chunks, leaving nothing "importing"', async () => {
    const csv = join(dir.path, 'c.csv');
    writeContactsCsv(csv, 2_500);
    const seen: { state: string; queued: number }[] = [];
    const report = await importBulk(
      {
        csvPath: csv,
        template: 'Hola {nombre|capitalize}, debes {importe} EUR',
        defaultCountry: 'ES',
        chunkRows: 1_000,
        onProgress: () =>
          seen.push({
            state: String(db.prepare('SELECT state FROM bulk_jobs').pluck().get()),
            queued: count('SELECT count(*) FROM messages'),
          }),
      },
      target(),
    );
    expect(report).toMatchObject({ rows: 2_500, valid: 2_500 });
    // While the file streamed, chunks were committed but the job was not sendable.
    expect(seen.some((s) => s.state === 'importing' && s.queued > 0)).toBe(true);
    const job = db.prepare('SELECT * FROM bulk_jobs WHERE id = ?').get(report.jobId) as Record<
      string,
      string
    >;
    expect(job.state).toBe('active');
    const mapping = JSON.parse(job.mapping ?? '{}');
    expect(mapping).toMatchObject({
      delimiter: ';',
      encoding: 'utf-8',
      roles: { phone: { column: 'móvil' } },
    });
    expect(mapping.importer).toBeUndefined();
    const first = db
      .prepare(
        `SELECT *, ${FIELDS_JSON_SQL} AS fields FROM messages m WHERE job_id = ? ORDER BY id LIMIT 1`,
      )
      .get(report.jobId) as Record<string, string>;
    expect(first).toMatchObject({
      recipient: `34${spanishMobile(0)}`,
      body: 'Hola Ana, debes 0,00 EUR',
      state: 'queued',
    });
    expect(JSON.parse(first.fields ?? '')).toEqual({ nombre: 'ana', importe: '0,00' });
    expect(jobProgress(db, report.jobId ?? 0)).toMatchObject({
      total: 2_500,
      queued: 2_500,
      sent: 0,
      state: 'active',
    });
  });

  it('a file that breaks part-way queues nothing, though earlier chunks were written', async () => {
    const csv = join(dir.path, 'broken.csv');
    writeContactsCsv(csv, 3_000);
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}"unclosed;600000001;1\r\nx;600000002;1\r\n`);
    const error = await importBulk(
      { csvPath: csv, template: 'Hi', defaultCountry: 'ES', chunkRows: 500 },
      target(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFileError);
    expect((error as Error).message).toMatch(/^Row 3002 opens a quoted field/);
    expect(count('SELECT count(*) FROM bulk_jobs')).toBe(0);
    expect(count('SELECT count(*) FROM messages')).toBe(0);
  });

  it('a file with no sendable row creates no job', async () => {
    const csv = join(dir.path, 'bad.csv');
    writeFileSync(csv, 'name,phone\nA,123\nB,\n');
    await expect(importBulk({ csvPath: csv, template: 'Hi' }, target())).rejects.toBeInstanceOf(
      NothingToQueueError,
    );
    expect(count('SELECT count(*) FROM bulk_jobs')).toBe(0);
  });

  it('skips suppressed and blacklisted numbers, saying which list', async () => {
    suppress(db, accountId, `+34${spanishMobile(1)}`, 'opt-out-keyword', 'replied BAJA');
    suppress(db, accountId, `34${spanishMobile(2)}`, 'provider-blacklist');
    const csv = join(dir.path, 'c.csv');
    writeContactsCsv(csv, 5);
    const report = await importBulk(
      {
        csvPath: csv,
        template: 'Hi',
        defaultCountry: 'ES',
        suppressed: suppressionLookup(db, accountId),
      },
      target(),
    );
    expect(report).toMatchObject({ valid: 3, suppressed: 2 });
    expect(report.suppressedRows.map((r) => [r.row, r.code])).toEqual([
      [3, 'suppressed'],
      [4, 'blacklisted'],
    ]);
    // The same sentence as a refused single send: why, and since when.
    expect(report.suppressedRows[0]?.reason).toMatch(
      /since \d{4}-\d\d-\d\d \d\d:\d\d UTC: they opted out \(replied BAJA\)/,
    );
    expect(report.suppressedRows[1]?.reason).toMatch(/provider's blacklist/);
  });

  it('a job can be paused, resumed and cancelled, and its progress follows', async () => {
    const csv = join(dir.path, 'c.csv');
    writeContactsCsv(csv, 10);
    const { jobId = 0 } = await importBulk(
      { csvPath: csv, template: 'Hi', defaultCountry: 'ES' },
      target(),
    );
    setJobPaused(db, jobId, true);
    expect(jobProgress(db, jobId)?.state).toBe('paused');
    setJobPaused(db, jobId, false);
    db.prepare(
      `UPDATE messages SET state = 'delivered' WHERE id IN (SELECT id FROM messages WHERE job_id = ? LIMIT 3)`,
    ).run(jobId);
    db.prepare(
      `UPDATE messages SET state = 'failed' WHERE id IN (SELECT id FROM messages WHERE job_id = ? AND state = 'queued' LIMIT 1)`,
    ).run(jobId);
    expect(cancelJob(db, jobId)).toBe(6);
    expect(jobProgress(db, jobId)).toMatchObject({
      state: 'cancelled',
      total: 10,
      delivered: 3,
      failed: 1,
      cancelled: 6,
      queued: 0,
    });
    expect(jobProgress(db, 999)).toBeNull();
  });
});

describe('the person acts on a job while its file is still importing', () => {
  async function importActingAt(rows: number, act: (jobId: number) => void) {
    const csv = join(dir.path, 'c.csv');
    writeContactsCsv(csv, 3_000);
    let acted = false;
    return importBulk(
      {
        csvPath: csv,
        template: 'Hi',
        defaultCountry: 'ES',
        chunkRows: 500,
        onProgress: (p) => {
          if (acted || p.rows < rows) return;
          acted = true;
          act(Number(db.prepare('SELECT id FROM bulk_jobs').pluck().get()));
        },
      },
      target(),
    );
  }

  it('cancelling stops the import and leaves nothing of the job', async () => {
    const error = await importActingAt(1_000, (id) => cancelJob(db, id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportCancelledError);
    expect(count('SELECT count(*) FROM bulk_jobs')).toBe(0);
    expect(count('SELECT count(*) FROM messages')).toBe(0);
  });

  it('pausing lets the import finish whole and keeps the job paused', async () => {
    const report = await importActingAt(1_000, (id) => setJobPaused(db, id, true));
    expect(jobProgress(db, report.jobId ?? 0)).toMatchObject({
      state: 'paused',
      total: 3_000,
      queued: 3_000,
    });
    expect(cleanAbandonedImports(db)).toEqual([]);
  });
});

describe('cleanAbandonedImports', () => {
  function importing(pid: number, heartbeatAt: number): number {
    const id = startImportJob(
      db,
      { accountId, name: 'x', sender: 'S', template: 't' },
      heartbeatAt,
    );
    db.prepare(
      `UPDATE bulk_jobs SET mapping = json_set(mapping, '$.importer.pid', ?) WHERE id = ?`,
    ).run(pid, id);
    db.prepare(
      `INSERT INTO messages (account_id, job_id, recipient, sender, template, body, encoding, segments, max_parts, state,
         not_before, give_up_at, created_at, updated_at) VALUES (?, ?, '34600000000', 'S', 't', 't', 'gsm', 1, 1, 'queued', 0, 0, 0, 0)`,
    ).run(accountId, id);
    return id;
  }

  it('removes imports whose process is gone or silent, with their rows; keeps live ones and finished jobs', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid ?? 0;
    const now = Date.now();
    const ofDead = importing(dead, now);
    const stale = importing(process.pid, now - 10 * 60_000);
    const live = importing(process.pid, now);
    const csv = join(dir.path, 'c.csv');
    writeContactsCsv(csv, 3);
    const finished = (
      await importBulk({ csvPath: csv, template: 'Hi', defaultCountry: 'ES' }, target())
    ).jobId;
    // importBulk itself cleaned up first: the dead and stale imports are gone already.
    expect(cleanAbandonedImports(db)).toEqual([]);
    const jobs = db.prepare('SELECT id FROM bulk_jobs ORDER BY id').pluck().all();
    expect(jobs).toEqual([live, finished]);
    expect(count('SELECT count(*) FROM messages WHERE job_id IN (?, ?)', ofDead, stale)).toBe(0);
    expect(count('SELECT count(*) FROM messages WHERE job_id = ?', live)).toBe(1);
  });

  it('a child killed with SIGKILL mid-import leaves a job nobody sends, which clean-up removes whole', async () => {
    const csv = join(dir.path, 'big.csv');
    writeContactsCsv(csv, 60_000);
    const child = spawnTs('test/integration/bulk/import-child.ts', [
      dir.path,
      csv,
      String(accountId),
    ]);
    const out = collect(child);
    // Long enough for the check pool's workers to start from source (tsx) on a loaded machine.
    expect(await waitForOutput(child, 'rows 5000', 45_000), out.stderr()).toBe(true);
    child.kill('SIGKILL');
    await exited(child);
    expect(out.stdout()).not.toContain('done');
    const job = db.prepare('SELECT id, state FROM bulk_jobs').get() as {
      id: number;
      state: string;
    };
    expect(job.state).toBe('importing');
    expect(count('SELECT count(*) FROM messages WHERE job_id = ?', job.id)).toBeGreaterThanOrEqual(
      4_500,
    );
    expect(cleanAbandonedImports(db)).toEqual([job.id]);
    expect(count('SELECT count(*) FROM messages')).toBe(0);
    expect(count('SELECT count(*) FROM bulk_jobs')).toBe(0);
  }, 60_000);
});

describe('exportJobResults', () => {
  it('writes a spreadsheet-safe CSV whose numbers re-import to the same recipients', async () => {
    const csv = join(dir.path, 'intl.csv');
    const numbers = [
      '+34 612 345 678',
      '+33 6 12 34 56 78',
      '+44 7911 123456',
      '+49 1512 3456789',
      '+1 212 555 0123',
      '+351 912 345 678',
    ];
    writeFileSync(
      csv,
      `name,phone\n${numbers.map((n, i) => `${i === 0 ? '=cmd()' : `P${i}`},${n}`).join('\n')}\n`,
    );
    const first = await importBulk(
      { csvPath: csv, template: '{name}: hi', defaultCountry: 'US' },
      target(),
    );
    const out = join(dir.path, 'results.csv');
    expect(await exportJobResults(db, first.jobId ?? 0, out)).toBe(numbers.length);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFphone,country,state')).toBe(true);
    expect(text).toContain(",'=cmd(): hi,'=cmd()");
    for (const line of text.split('\r\n').slice(1)) expect(line).not.toMatch(/(^|,)\s*[=+\-@]/);
    // Re-import with a default country under which some provider-form digits would also be national numbers.
    const again = await importBulk(
      { csvPath: out, template: 'again', defaultCountry: 'US' },
      { ...target(), jobName: 'again' },
    );
    const recipients = (id: number | undefined) =>
      db
        .prepare('SELECT recipient FROM messages WHERE job_id = ? ORDER BY recipient')
        .pluck()
        .all(id);
    expect(again.valid).toBe(numbers.length);
    expect(recipients(again.jobId)).toEqual(recipients(first.jobId));
  });
});
