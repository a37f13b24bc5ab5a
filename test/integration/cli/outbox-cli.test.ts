import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import { addNrsAccountArgs, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

// A secret nobody would write by accident, so finding it anywhere is a leak.
const SECRET = 'Zq7-known-secret-4f1e9c';
let sandbox: SandboxHandle;
let dir: ReturnType<typeof tempDir>;
const logs: string[] = [];

const PASSPHRASE = 'leak-test vault passphrase';

async function cli(args: string[], stdin?: string) {
  const result = await runCli(
    ['--data-dir', dir.path, ...args],
    { NRS_SECRET: SECRET, OUTPOST_VAULT_PASSPHRASE: PASSPHRASE },
    stdin,
  );
  logs.push(result.stdout, result.stderr);
  return result;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({
    demoData: false,
    credentials: { nrs: { username: 'team', password: SECRET } },
  });
  dir = tempDir('outpost-cli-');
});
afterAll(async () => {
  await sandbox.close();
  dir.remove();
});

describe('outpost account, send and outbox (black box)', () => {
  it('adds an account whose secret comes from the environment, and tests it', async () => {
    const add = await cli(
      addNrsAccountArgs(
        'Main',
        { baseUrl: sandbox.apis.nrs.baseUrl, username: 'team' },
        'NRS_SECRET',
      ),
    );
    expect(add.code, add.stderr).toBe(0);
    const test = await cli(['account', 'test', '--name', 'Main', '--json']);
    expect(JSON.parse(test.stdout)).toEqual({ name: 'Main', ok: true, resumed: false });
  });

  it('queues a message, drains it, and reports the counts of the contract', async () => {
    const send = await cli([
      'send',
      '--account',
      'Main',
      '--to',
      '+34 666 555 444',
      '--from',
      'SHOP',
      '--text',
      'Tu pedido está listo',
      '--json',
    ]);
    expect(send.code, send.stderr).toBe(0);
    expect(JSON.parse(send.stdout)).toMatchObject({
      to: '34666555444',
      encoding: 'ucs2',
      segments: 1,
      state: 'queued',
    });

    const drain = await cli(['outbox', 'drain', '--timeout', '20']);
    expect(drain.code, drain.stderr).toBe(0);
    const status = await cli(['outbox', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toEqual({
      counts: expect.objectContaining({
        queued: 0,
        sending: 0,
        accepted: 1,
        failed: 0,
        unknown: 0,
      }),
      paused: [],
    });
    expect(sandbox.ledger()).toEqual([expect.objectContaining({ to: '34666555444', times: 1 })]);
  });

  it('refuses bad usage with exit 2 and one sentence on stderr, queueing nothing', async () => {
    const badNumber = await cli([
      'send',
      '--account',
      'Main',
      '--to',
      'call me',
      '--from',
      'SHOP',
      '--text',
      'x',
    ]);
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr.trim().split('\n')).toHaveLength(1);
    expect(badNumber.stderr).toMatch(/^outpost: The number "call me" is not usable/);
    const noAccount = await cli([
      'send',
      '--account',
      'Nope',
      '--to',
      '+34666555444',
      '--from',
      'SHOP',
      '--text',
      'x',
    ]);
    expect(noAccount.code).toBe(1);
    expect(noAccount.stderr).toMatch(/There is no account named "Nope"\./);
    const status = await cli(['outbox', 'status', '--json']);
    expect(JSON.parse(status.stdout).counts.queued).toBe(0);
    const retryDelivered = await cli(['outbox', 'retry', '1']);
    expect(retryDelivered.code).toBe(2);
    expect(retryDelivered.stderr).toMatch(/cannot be retried: it is accepted/);
  });

  // Several CLI processes each: a loaded machine needs more than the default 30 s.
  it('keeps a secret in the passphrase file when asked, and tests the account with it', async () => {
    const add = await cli([
      ...addNrsAccountArgs(
        'Vaulted',
        { baseUrl: sandbox.apis.nrs.baseUrl, username: 'team' },
        'NRS_SECRET',
      ),
      '--vault',
      'passphrase-file',
    ]);
    expect(add.code, add.stderr).toBe(0);
    // Only the passphrase now: the secret comes from the vault file.
    const test = await runCli(['--data-dir', dir.path, 'account', 'test', '--name', 'Vaulted'], {
      OUTPOST_VAULT_PASSPHRASE: PASSPHRASE,
    });
    logs.push(test.stdout, test.stderr);
    expect(test.code, test.stderr).toBe(0);
  }, 90_000);

  it('backs up into backups/ and to a file of the person’s choosing', async () => {
    const backup = await cli(['backup', '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    const exported = await cli(['backup', '--to', join(dir.path, 'exported.sqlite')]);
    expect(exported.code, exported.stderr).toBe(0);
  }, 90_000);

  it('never writes the secret to the data folder, its backups, the vault file, the output or an error message', async () => {
    // A failing call too: errors are where secrets usually leak.
    await runCli(['--data-dir', dir.path, 'account', 'test', '--name', 'Main'], {
      NRS_SECRET: `${SECRET}-wrong`,
    }).then((r) => logs.push(r.stdout, r.stderr));
    const basic = Buffer.from(`team:${SECRET}`).toString('base64');
    const files = filesUnder(dir.path);
    // The search covers the files where a leak would hide, so they must be there.
    expect(
      files.filter((f) => f.includes(`${join('backups', 'outpost-')}`)).length,
    ).toBeGreaterThanOrEqual(2);
    expect(files).toContain(join(dir.path, 'vault-secrets.json'));
    expect(files).toContain(join(dir.path, 'exported.sqlite'));
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(SECRET), file).toBe(false);
      expect(bytes.includes(basic), file).toBe(false);
    }
    const everything = logs.join('\n');
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(basic);
    expect(everything).toMatch(/user name or password|credentials/i);
  }, 90_000);
});

describe('outpost segments (the contract of DESIGN.md)', () => {
  it('counts stdin and prints exactly the contract fields', async () => {
    // é is in the GSM-7 basic table; á and ó are not.
    const r = await runCli(['segments'], {}, 'Olá {name}, o código é 1234\n');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      encoding: 'ucs2',
      segments: 1,
      units: 27,
      unitsPerSegment: 70,
      forcingUcs2: ['á', 'ó'],
    });
  });

  it('with --lines, answers each JSON line in order, and names a bad line', async () => {
    const r = await runCli(['segments', '--lines', '--encoding', 'gsm'], {}, '"a"\n"€"\n');
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).units),
    ).toEqual([1, 2]);
    const bad = await runCli(['segments', '--lines'], {}, '"ok"\nnot json\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/line 2/i);
  });
});
