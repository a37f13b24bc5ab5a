import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import { addNrsAccountArgs, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

let sandbox: SandboxHandle;
let dir: ReturnType<typeof tempDir>;

async function cli(...args: string[]) {
  const r = await runCli(['--data-dir', dir.path, ...args], {
    NRS_SECRET: sandbox.apis.nrs.password,
  });
  return { ...r, json: () => JSON.parse(r.stdout) };
}

beforeAll(async () => {
  sandbox = await startSandbox({ demoData: false });
  dir = tempDir('outpost-job-cli-');
  expect((await cli(...addNrsAccountArgs('Main', sandbox.apis.nrs, 'NRS_SECRET'))).code).toBe(0);
  const rows = Array.from({ length: 20 }, (_, i) => `=cmd|${i};+34 612 000 ${String(100 + i)}`);
  writeFileSync(join(dir.path, 'list.csv'), `name;phone\n${rows.join('\n')}\n`);
});
afterAll(async () => {
  await sandbox.close();
  dir.remove();
});

describe('a bulk job from the command line', () => {
  it('pauses before anything is sent, resumes, reports its progress and exports safe CSV', async () => {
    const queued = await cli(
      'bulk',
      '--account',
      'Main',
      '--csv',
      join(dir.path, 'list.csv'),
      '--from',
      'SHOP',
      '--template',
      'Hi {name}',
      '--enqueue',
      '--json',
    );
    expect(queued.code, queued.stderr).toBe(0);
    const jobId = queued.json().jobId as number;

    expect((await cli('job', 'pause', `job:${jobId}`)).code).toBe(0);
    await cli('outbox', 'drain', '--timeout', '5');
    expect(sandbox.ledger()).toHaveLength(0);
    expect((await cli('job', 'status', `job:${jobId}`, '--json')).json()).toMatchObject({
      state: 'paused',
      queued: 20,
      sent: 0,
    });

    expect((await cli('job', 'resume', String(jobId))).code).toBe(0);
    await cli('outbox', 'drain', '--timeout', '20');
    expect(sandbox.ledger()).toHaveLength(20);
    expect((await cli('job', 'status', `job:${jobId}`, '--json')).json()).toMatchObject({
      state: 'active',
      queued: 0,
    });

    const out = join(dir.path, 'results.csv');
    const exported = await cli('job', 'export', `job:${jobId}`, '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain('34612000100');
    // A name that a spreadsheet would run as a formula is written as text.
    expect(csv).not.toMatch(/(^|[,;])=cmd/m);
    expect(csv).toContain("'=cmd|0");
  });

  it('an unknown job is a usage error naming it', async () => {
    const r = await cli('job', 'status', 'job:999');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/There is no bulk job 999\./);
  });
});

describe('an account’s queue', () => {
  it('is paused by the person until they resume it, and can be cancelled whole', async () => {
    expect((await cli('account', 'pause', '--name', 'Main')).code).toBe(0);
    await cli(
      'send',
      '--account',
      'Main',
      '--to',
      '+34612999000',
      '--from',
      'SHOP',
      '--text',
      'held',
    );
    await cli('outbox', 'drain', '--timeout', '5');
    const status = (await cli('outbox', 'status', '--json')).json();
    expect(status.counts.queued).toBe(1);
    expect(status.paused).toEqual([expect.objectContaining({ account: 'Main', code: 'manual' })]);

    expect((await cli('account', 'resume', '--name', 'Main')).code).toBe(0);
    await cli('account', 'pause', '--name', 'Main');
    const cancelled = await cli('outbox', 'cancel', 'account:Main', '--json');
    expect(cancelled.json()).toEqual({ account: 'Main', cancelled: 1 });
    await cli('account', 'resume', '--name', 'Main');
    await cli('outbox', 'drain', '--timeout', '5');
    expect(sandbox.ledger().some((e) => e.to === '34612999000')).toBe(false);
  });
});
