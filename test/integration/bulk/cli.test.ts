import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeBulk } from '../../../electron/core/bulk';
import { POOL } from '../../../electron/core/bulk/limits';
import { createAdapter } from '../../../electron/core/providers/registry';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import { addNrsAccountArgs, runCli } from '../../helpers/cli';
import { acceptedTimes } from '../../helpers/outbox-harness';
import { tempDir } from '../../helpers/temp-dir';
import { spanishMobile } from './csv-gen';

const SECRET = 'OUTPOST_BULK_TEST_SECRET';
const dir = tempDir('outpost-bulk-cli-');
let sandbox: SandboxHandle;

function outpost(...args: string[]) {
  return runCli(['--data-dir', dir.path, ...args], { [SECRET]: sandbox.apis.nrs.password });
}

/** The pool is off unless asked; this asks for it. */
function outpostPooled(...args: string[]) {
  return runCli(['--data-dir', dir.path, ...args], {
    [SECRET]: sandbox.apis.nrs.password,
    OUTPOST_CHECK_THREADS: '2',
  });
}

const csv = join(dir.path, 'customers.csv');
const NAMES = ['ana', 'LUIS', 'maría josé', 'joão'];
const ROWS = 1_000;
const DUPLICATES = 10;
const INVALID = 5;

beforeAll(async () => {
  sandbox = await startSandbox({ demoData: false, credits: 1_000_000 });
  const lines = ['Nombre;Móvil;Código'];
  for (let i = 0; i < ROWS - DUPLICATES - INVALID; i++) {
    lines.push(`${NAMES[i % NAMES.length]};${spanishMobile(i)};C${i}`);
  }
  for (let i = 0; i < DUPLICATES; i++) lines.push(`dup;+34 ${spanishMobile(i)};D${i}`);
  for (let i = 0; i < INVALID; i++) lines.push(`bad;12${i};B${i}`);
  writeFileSync(csv, `\uFEFF${lines.join('\r\n')}\r\n`);
  const added = await outpost(...addNrsAccountArgs('Sandbox', sandbox.apis.nrs, SECRET));
  expect(added.code, added.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await sandbox.close();
  dir.remove();
});

const TEMPLATE = 'Hola {Nombre|capitalize}, tu código es {Código}.';
const base = [
  'bulk',
  '--account',
  'Sandbox',
  '--csv',
  csv,
  '--from',
  'OUTPOST',
  '--template',
  TEMPLATE,
  '--default-country',
  'ES',
];

describe('outpost bulk (end to end against the sandbox)', () => {
  it('--dry-run reports rows, invalid rows, duplicates, segments and cost, and queues nothing', async () => {
    const r = await outpost('--json', ...base, '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      rows: ROWS,
      valid: ROWS - DUPLICATES - INVALID,
      duplicates: DUPLICATES,
      segments: { min: 1, max: 1, total: ROWS - DUPLICATES - INVALID },
    });
    expect(report.invalid).toHaveLength(INVALID);
    expect(report.invalid[0]).toMatchObject({ row: ROWS - INVALID + 2, column: 'Móvil' });
    expect(typeof report.invalid[0].reason).toBe('string');
    expect(report.cost.totals.recipients).toBe(ROWS - DUPLICATES - INVALID);
    expect(report.cost.totals.max).toBeGreaterThan(0);
    expect(report.balance.covers).toBe(true);
    expect(report.preview.first[0]).toEqual(
      expect.objectContaining({
        row: 2,
        to: `34${spanishMobile(0)}`,
        text: 'Hola Ana, tu código es C0.',
      }),
    );
    const status = JSON.parse((await outpost('--json', 'outbox', 'status')).stdout);
    expect(status.counts.queued).toBe(0);
  }, 60_000);

  it('--enqueue queues the valid rows as a job; drain sends each recipient once', async () => {
    const r = await outpost('--json', ...base, '--enqueue', '--name', 'November');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.jobId).toEqual(expect.any(Number));
    const valid = ROWS - DUPLICATES - INVALID;
    expect(JSON.parse((await outpost('--json', 'outbox', 'status')).stdout).counts.queued).toBe(
      valid,
    );

    const drained = await outpost('--json', 'outbox', 'drain', '--timeout', '60');
    expect(drained.code, drained.stderr).toBe(0);
    const times = acceptedTimes(sandbox);
    expect(times.size).toBe(valid);
    expect([...times.values()].every((n) => n === 1)).toBe(true);
    const texts = new Map(sandbox.ledger().map((e) => [e.to.replace(/^\+/, ''), e.text]));
    expect(texts.get(`34${spanishMobile(2)}`)).toBe('Hola María josé, tu código es C2.');
    expect(texts.get(`34${spanishMobile(3)}`)).toBe('Hola João, tu código es C3.');
    const status = JSON.parse((await outpost('--json', 'outbox', 'status')).stdout);
    expect(status.counts.queued).toBe(0);
    expect(status.counts.accepted + status.counts.delivered).toBe(valid);
  }, 120_000);

  it('checks a big file on the worker pool of the built CLI, with the same report as one thread', async () => {
    // Asked for, and over the pool's threshold, so the built bundle starts out/cli/bulk-check-worker.cjs.
    expect(existsSync(join('out', 'cli', 'bulk-check-worker.cjs'))).toBe(true);
    const big = join(dir.path, 'big.csv');
    const lines = ['Nombre;Móvil;Código'];
    for (let i = 0; i < 12_000; i++) {
      const phone = i % 501 === 500 ? '12345' : spanishMobile(i % 4_000 === 3_999 ? 7 : i);
      lines.push(`${NAMES[i % NAMES.length]};${phone};C${i}`);
    }
    writeFileSync(big, `${lines.join('\r\n')}\r\n`);
    expect(statSync(big).size).toBeGreaterThan(POOL.minFileBytes);
    const args = base.map((a) => (a === csv ? big : a));
    const r = await outpostPooled('--json', ...args, '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    const cli = JSON.parse(r.stdout);
    const one = await analyzeBulk({
      csvPath: big,
      template: TEMPLATE,
      defaultCountry: 'ES',
      checkThreads: 0,
    });
    for (const key of [
      'rows',
      'valid',
      'invalid',
      'invalidCount',
      'duplicateRows',
      'segments',
      'preview',
    ] as const) {
      expect(cli[key], key).toEqual(JSON.parse(JSON.stringify(one[key])));
    }
    expect(cli.duplicates).toBe(3);
  }, 120_000);

  it('prints a human report without --json', async () => {
    const r = await outpost(...base, '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1,000 rows: 985 valid, 5 invalid, 10 duplicates, 0 suppressed.');
    expect(r.stdout).toContain('semicolon-separated');
    expect(r.stdout).toContain('Preview row 2 → +34610000000: Hola Ana, tu código es C0.');
  }, 60_000);

  it.each([
    [['--dry-run', '--enqueue'], /exactly one of --dry-run/],
    [[], /exactly one of --dry-run/],
    [['--dry-run', '--phone-column', 'Teléfono'], /no column "Teléfono"/],
  ])(
    'bad usage %j exits 2 with one sentence',
    async (extra, message) => {
      const r = await outpost(...base, ...extra);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    },
    60_000,
  );

  it('an unreadable or broken file exits 2; an unknown account exits 1', async () => {
    const missing = await outpost(
      'bulk',
      '--account',
      'Sandbox',
      '--csv',
      join(dir.path, 'nope.csv'),
      '--from',
      'X',
      '--template',
      'x',
      '--dry-run',
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.csv/);
    const broken = join(dir.path, 'broken.csv');
    writeFileSync(broken, 'name,phone\nAna,612345678\n"Luis,612345679\n');
    const quote = await outpost(
      'bulk',
      '--account',
      'Sandbox',
      '--csv',
      broken,
      '--from',
      'X',
      '--template',
      'x',
      '--dry-run',
    );
    expect(quote.code).toBe(2);
    expect(quote.stderr).toMatch(/Row 3 opens a quoted field/);
    const account = await outpost(
      'bulk',
      '--account',
      'Nobody',
      '--csv',
      csv,
      '--from',
      'X',
      '--template',
      'x',
      '--dry-run',
    );
    expect(account.code).toBe(1);
  }, 60_000);

  it('refreshes the provider blacklist before checking, and warns when the balance cannot cover the send', async () => {
    const adapter = createAdapter({
      provider: 'nrs',
      baseUrl: sandbox.apis.nrs.baseUrl,
      username: sandbox.apis.nrs.username,
      secret: sandbox.apis.nrs.password,
    });
    await adapter.addToBlacklist('sms', `34${spanishMobile(7)}`);
    await adapter.close();
    sandbox.setCredits(1);
    const r = await outpost('--json', ...base, '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    // Row 994 repeats row 9's number in another spelling: it is on the list too, not a "duplicate".
    expect(report.suppressed).toBe(2);
    expect(
      report.suppressedRows.map((r: { row: number; code: string }) => [r.row, r.code]),
    ).toEqual([
      [9, 'blacklisted'],
      [994, 'blacklisted'],
    ]);
    expect(report.balance.covers).toBe(false);
    expect(r.stderr).toMatch(
      /^outpost: warning: The estimated cost .* is more than the account balance/,
    );
  }, 60_000);
});
