import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import { addNrsAccountArgs, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

let sandbox: SandboxHandle;
let dir: ReturnType<typeof tempDir>;

async function cli(...args: string[]) {
  return runCli(['--data-dir', dir.path, ...args], { NRS_SECRET: sandbox.apis.nrs.password });
}
async function json(...args: string[]) {
  const r = await cli(...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  sandbox = await startSandbox({ demoData: false });
  dir = tempDir('outpost-schedule-cli-');
  const add = await cli(
    ...addNrsAccountArgs(
      'Main',
      { baseUrl: sandbox.apis.nrs.baseUrl, username: sandbox.apis.nrs.username },
      'NRS_SECRET',
    ),
  );
  expect(add.code, add.stderr).toBe(0);
}, 60_000);
afterAll(async () => {
  await sandbox.close();
  dir.remove();
});

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const base = ['send', '--account', 'Main', '--from', 'SHOP', '--text', 'See you'];

describe('outpost send --at, outbox list, reschedule and cancel (black box)', () => {
  it('schedules at the provider, lists it, moves it and cancels it there', async () => {
    const at = inHours(3);
    const sent = await json(
      ...base,
      '--to',
      '+34666000111',
      '--at',
      at,
      '--valid-for',
      '2h',
      '--campaign',
      'Reminders',
    );
    expect(sent).toMatchObject({
      state: 'scheduled',
      campaign: 'Reminders',
      schedule: { mode: 'provider' },
    });
    expect(Date.parse(sent.expiresAt)).toBe(Date.parse(at) + 2 * 3_600_000);
    expect(sent.schedule.sentence).toMatch(/at the provider/);

    expect((await cli('outbox', 'drain', '--timeout', '20')).code).toBe(0);
    const [row] = await json('outbox', 'list', '--state', 'scheduled-at-provider');
    expect(row).toMatchObject({
      id: sent.id,
      recipient: '34666000111',
      sender: 'SHOP',
      state: 'scheduled-at-provider',
      scheduledWhere: 'provider',
      campaign: 'Reminders',
    });
    expect(Date.parse(row.scheduledAt)).toBe(Date.parse(at));
    expect(typeof row.providerId).toBe('string');
    const status = await json('outbox', 'status');
    expect(status.counts['scheduled-at-provider']).toBe(1);

    const later = inHours(5);
    const moved = await json('outbox', 'reschedule', String(sent.id), '--at', later);
    expect(moved).toMatchObject({ id: sent.id, mode: 'provider' });
    const [after] = await json('outbox', 'list', '--state', 'scheduled-at-provider');
    expect(Date.parse(after.scheduledAt)).toBe(Date.parse(later));

    const cancelled = await json('outbox', 'cancel', String(sent.id));
    expect(cancelled).toMatchObject({ state: 'cancelled', atProvider: true });
    expect(await json('outbox', 'list', '--state', 'scheduled-at-provider')).toEqual([]);
  }, 180_000);

  it('refuses a time without a zone, a bad duration and both validities, with exit 2', async () => {
    const noZone = await cli(...base, '--to', '+34666000222', '--at', '2030-01-01T10:00:00');
    expect(noZone.code).toBe(2);
    expect(noZone.stderr).toMatch(/--at: .*with a zone/);
    const badDuration = await cli(...base, '--to', '+34666000222', '--valid-for', '2 hours');
    expect(badDuration.code).toBe(2);
    expect(badDuration.stderr).toMatch(/not a duration/);
    const both = await cli(
      ...base,
      '--to',
      '+34666000222',
      '--valid-for',
      '2h',
      '--expires',
      inHours(1),
    );
    expect(both.code).toBe(2);
    const badState = await cli('outbox', 'list', '--state', 'waiting');
    expect(badState.code).toBe(2);
    expect(badState.stderr).toMatch(/not one of queued, scheduled/);
  }, 120_000);
});
