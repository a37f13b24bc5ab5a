import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import { CoreContext } from '../../../electron/core/context';
import { OutboxEngine } from '../../../electron/core/outbox/engine';
import { addManagedSuppression } from '../../../electron/core/suppressions/manage';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import type { EventPayload } from '../../../shared/ipc/events';
import { type IpcCall, ipcCaller, stageBytes } from '../../helpers/ipc';
import { FAST } from '../../helpers/outbox-harness';
import { tempDir } from '../../helpers/temp-dir';
import { spanishMobile } from './csv-gen';

let sandbox: SandboxHandle;
let dir: ReturnType<typeof tempDir>;
let core: CoreContext;
let accountId = 0;
let call: IpcCall;
const progress: EventPayload<'bulk.progress'>[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ demoData: false, credits: 1_000_000 });
  dir = tempDir('outpost-wizard-');
  const vault = new MemoryVault();
  core = new CoreContext({ dataDir: dir.path, version: 'test', vault });
  accountId = addAccount(core.db, {
    name: 'Main',
    provider: 'nrs',
    baseUrl: sandbox.apis.nrs.baseUrl,
    username: sandbox.apis.nrs.username,
    secretRef: vault.store('Main', sandbox.apis.nrs.password),
  }).id;
  core.events.bus.subscribe((name, payload) => {
    if (name === 'bulk.progress') progress.push(payload as EventPayload<'bulk.progress'>);
  });
  call = ipcCaller(core);
});

afterAll(async () => {
  await core.close();
  await sandbox.close();
  dir.remove();
});

const stage = (name: string, bytes: Buffer) => stageBytes(call, name, bytes);

async function download(token: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const r = await call('files.read', { token, offset });
    if (!r.ok) throw new Error(r.message);
    const chunk = Buffer.from(r.data, 'base64');
    parts.push(chunk);
    offset += chunk.length;
    if (r.done) return Buffer.concat(parts);
  }
}

/** Semicolons, Windows-1252, a header, and bad rows at known places. */
function clinicCsv(rows: number, start = 0): Buffer {
  const lines = ['Nombre;Teléfono;Cita'];
  for (let i = 0; i < rows; i++)
    lines.push(`José ${i};${spanishMobile(start + i)};lunes ${i % 28}`);
  lines[3] = 'Bad number;12;martes'; // row 4
  lines[5] = `Repeated;${spanishMobile(start)};jueves`; // row 6 repeats row 2
  lines[7] = '=HYPERLINK("x");abc;viernes'; // row 8: formula-like name, invalid number
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1252');
}

const message = {
  accountId: 0,
  defaultCountry: 'ES',
  template: 'Hola {Nombre}, su cita es el {Cita}.',
};

async function jobCount(): Promise<{ jobs: number; messages: number }> {
  return {
    jobs: core.db.prepare('SELECT count(*) FROM bulk_jobs').pluck().get() as number,
    messages: core.db.prepare('SELECT count(*) FROM messages').pluck().get() as number,
  };
}

describe('the CSV wizard over IPC', () => {
  it('sniffs a staged Windows-1252, semicolon file and says why', async () => {
    const file = await stage('clinica.csv', clinicCsv(30));
    const sniff = await call('bulk.sniff', { file });
    expect(sniff).toMatchObject({
      ok: true,
      name: 'clinica.csv',
      encoding: { name: 'windows-1252', guessed: true },
      delimiter: { char: ';', guessed: true },
      header: { present: true },
      columns: ['Nombre', 'Teléfono', 'Cita'],
      roles: { phone: { column: 1 } },
    });
    if (!sniff.ok) return;
    expect(sniff.encoding.reason).not.toBe('');
    expect(sniff.preview[0]).toEqual(['José 0', spanishMobile(0), 'lunes 0']);
    // An override wins, and is reported as chosen.
    const forced = await call('bulk.sniff', { file, encoding: 'utf-8' });
    expect(forced).toMatchObject({ ok: false, message: expect.stringMatching(/not valid UTF-8/) });
  });

  it('analyses in main with progress, lists bad rows by row, column and reason, and downloads them as a safe CSV', async () => {
    addManagedSuppression(core.db, { phone: `+34${spanishMobile(110)}`, accountId });
    const file = await stage('clinica.csv', clinicCsv(200, 100));
    progress.length = 0;
    const reply = await call('bulk.analyze', { runId: 'analysis-1', file, ...message, accountId });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const r = reply.report;
    expect(r.rows).toBe(200);
    expect(r.invalid).toEqual([
      expect.objectContaining({ row: 4, code: 'invalid-number', column: 'Teléfono' }),
      expect.objectContaining({ row: 8, code: 'invalid-number', column: 'Teléfono' }),
    ]);
    expect(r.duplicateRows).toEqual([{ row: 6, of: 2 }]);
    expect(r.suppressed).toBe(1);
    expect(r.valid).toBe(200 - 4);
    expect(r.segments.total).toBeGreaterThanOrEqual(r.valid);
    expect(r.cost).not.toBeNull();
    expect(r.balance).toMatchObject({ covers: true });
    expect(reply.schedule).toEqual({ mode: 'now', at: null });
    expect(reply.suggestedName).toMatch(/^clinica \d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(progress.at(-1)).toMatchObject({ runId: 'analysis-1', phase: 'analyzing' });
    expect(progress.at(-1)?.bytesRead).toBe(progress.at(-1)?.totalBytes);

    const rejected = await call('bulk.rejected', { runId: 'analysis-1' });
    expect(rejected.ok).toBe(true);
    if (!rejected.ok) return;
    expect(rejected.rows).toBe(4);
    expect(rejected.name).toBe('clinica-rejected.csv');
    const csv = (await download(rejected.token)).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('row,problem,column,reason,duplicate_of,Nombre,Teléfono,Cita');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['row', '4', '6', '8', '12']);
    // The formula-like cell is neutralised for the spreadsheet.
    expect(lines[3]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toContain('duplicate');
    await call('files.discard', { token: rejected.token });
    await call('files.discard', { token: file });
    expect(await jobCount()).toEqual({ jobs: 0, messages: 0 });
  });

  it('stops an analysis when cancelled, and leaves nothing running or queued', async () => {
    const file = await stage('big.csv', clinicCsv(60_000, 1_000));
    const started = call('bulk.analyze', { runId: 'big-1', file, ...message, accountId });
    // Cancel once main says it is reading.
    for (let i = 0; i < 500 && !progress.some((p) => p.runId === 'big-1'); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(await call('bulk.cancel', { runId: 'big-1' })).toEqual({ cancelled: true });
    const reply = await started;
    expect(reply).toMatchObject({ ok: false, cancelled: true });
    expect(await call('bulk.cancel', { runId: 'big-1' })).toEqual({ cancelled: false });
    expect(await call('bulk.rejected', { runId: 'big-1' })).toMatchObject({ ok: false });
    await call('files.discard', { token: file });
    expect(await jobCount()).toEqual({ jobs: 0, messages: 0 });
  });

  it('queues nothing when the person cancels queueing part-way', async () => {
    const file = await stage('big.csv', clinicCsv(60_000, 100_000));
    const started = call('bulk.start', {
      runId: 'start-big',
      file,
      ...message,
      accountId,
      sender: 'CLINICA',
      jobName: 'Cancelled part-way',
    });
    for (let i = 0; i < 500 && !progress.some((p) => p.runId === 'start-big'); i++)
      await new Promise((r) => setTimeout(r, 10));
    await call('bulk.cancel', { runId: 'start-big' });
    expect(await started).toMatchObject({ ok: false, cancelled: true });
    expect(await jobCount()).toEqual({ jobs: 0, messages: 0 });
  });

  it('confirms: queues the valid rows as one job, discards the staged file, refuses a name in use', async () => {
    const file = await stage('clinica.csv', clinicCsv(40, 300));
    const started = await call('bulk.start', {
      runId: 'start-1',
      file,
      ...message,
      accountId,
      sender: 'CLINICA',
      jobName: 'Citas lunes',
    });
    expect(started).toMatchObject({ ok: true, queued: 37 });
    expect(() => core.staging.file(file)).toThrow(/no longer available/);
    expect(await jobCount()).toEqual({ jobs: 1, messages: 37 });
    const again = await stage('clinica.csv', clinicCsv(40, 300));
    expect(
      await call('bulk.start', {
        runId: 'start-2',
        file: again,
        ...message,
        accountId,
        sender: 'CLINICA',
        jobName: 'Citas lunes',
      }),
    ).toMatchObject({ ok: false, field: 'jobName' });
    expect(
      await call('bulk.start', {
        runId: 'start-3',
        file: again,
        ...message,
        accountId,
        sender: 'TOO LONG SENDER',
        jobName: 'Other',
      }),
    ).toMatchObject({ ok: false, field: 'sender' });
    await call('files.discard', { token: again });
  });

  it('pauses, resumes and sends a job; its page groups failures and shows the provider’s figures', async () => {
    const [job] = await call('jobs.list', {});
    expect(job).toMatchObject({
      name: 'Citas lunes',
      state: 'active',
      total: 37,
      counts: { queued: 37 },
    });
    if (!job) return;
    expect(await call('jobs.control', { jobId: job.jobId, action: 'pause' })).toEqual({ ok: true });
    const engine = new OutboxEngine(core.db, core.adapters.get, FAST);
    await engine.drain({ timeoutMs: 2_000 });
    expect((await call('jobs.list', {}))[0]).toMatchObject({
      state: 'paused',
      counts: { queued: 37, sent: 0 },
    });

    expect(await call('jobs.control', { jobId: job.jobId, action: 'resume' })).toEqual({
      ok: true,
    });
    await engine.drain({ timeoutMs: 10_000 });
    const sent = (await call('jobs.list', {}))[0];
    expect(sent?.counts.queued).toBe(0);
    expect((sent?.counts.sent ?? 0) + (sent?.counts.delivered ?? 0)).toBe(37);

    // Three fail later in the network with one reason, one with another: grouped, largest first.
    const ids = core.db
      .prepare('SELECT id FROM messages WHERE job_id = ? ORDER BY id')
      .pluck()
      .all(job.jobId) as number[];
    const fail = core.db.prepare(
      `UPDATE messages SET state = 'failed', error_code = ?, error_text = ? WHERE id = ?`,
    );
    for (const id of ids.slice(0, 3))
      fail.run('UNDELIVERED', 'The handset was off for too long.', id);
    fail.run('REJECTED', 'Rejected by the network.', ids[3]);
    const detail = await call('jobs.get', { jobId: job.jobId });
    expect(detail.ok).toBe(true);
    if (!detail.ok) return;
    expect(detail.funnel).toMatchObject({
      queued: 37,
      accepted: 37,
      failed: 4,
      waiting: 0,
      unknown: 0,
    });
    expect(detail.failures.map((f) => [f.code, f.count, f.rows.length])).toEqual([
      ['UNDELIVERED', 3, 3],
      ['REJECTED', 1, 1],
    ]);
    expect(detail.failures[0]?.rows.map((r) => r.id)).toEqual(ids.slice(0, 3));
    expect(detail.parts.sent).toBe(detail.parts.total);
    expect(detail.cost?.spentEstimate).toBeCloseTo(detail.cost?.estimatedMax ?? -1, 6);
    expect(detail.timing.firstSentAt).not.toBeNull();

    const figures = await call('jobs.provider', { jobId: job.jobId });
    expect(figures).toMatchObject({ ok: true, campaign: { name: 'Citas lunes' } });
    if (figures.ok) {
      const total = figures.campaign?.sendings.reduce((n, s) => n + s.total, 0);
      expect(total).toBe(37);
    }

    const exported = await call('jobs.export', { jobId: job.jobId });
    expect(exported).toMatchObject({ ok: true, rows: 37, name: 'Citas lunes-results.csv' });
    if (exported.ok) {
      const csv = (await download(exported.token)).toString('utf8');
      expect(csv.split('\r\n')[0]).toContain('phone,country,state');
      expect(csv.split('\r\n').filter((l) => l.includes('UNDELIVERED'))).toHaveLength(3);
    }
    expect((await call('jobs.control', { jobId: job.jobId, action: 'cancel' })).ok).toBe(true);
    expect((await call('jobs.list', {}))[0]?.state).toBe('cancelled');
  });
});
