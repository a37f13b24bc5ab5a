import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import { addNrsAccountArgs, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

let sandbox: SandboxHandle;
let dir: ReturnType<typeof tempDir>;

const cli = (args: string[]) =>
  runCli(['--data-dir', dir.path, ...args], {
    NRS_SECRET: sandbox.apis.nrs.password,
    ACTION_KEY: sandbox.apis.action.secretKey,
  });

beforeAll(async () => {
  sandbox = await startSandbox({ demoData: false });
  dir = tempDir('outpost-cli-settings-');
  const nrs = await cli(addNrsAccountArgs('Main', sandbox.apis.nrs, 'NRS_SECRET'));
  expect(nrs.code, nrs.stderr).toBe(0);
  const action = await cli(
    ['account', 'add', '--name', 'Shop', '--provider', 'action'].concat([
      '--base-url',
      sandbox.apis.action.baseUrl,
      '--secret-env',
      'ACTION_KEY',
    ]),
  );
  expect(action.code, action.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await sandbox.close();
  dir.remove();
});

describe('outpost account fields, account balance and suppressions (black box)', () => {
  it('maps an action account’s custom fields to provider ids, and refuses a bad id as usage', async () => {
    const set = await cli([
      '--json',
      'account',
      'fields',
      '--name',
      'Shop',
      '--set',
      'city=1',
      'plan=3',
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ name: 'Shop', fields: { city: '1', plan: '3' } });
    const bad = await cli(['account', 'fields', '--name', 'Shop', '--set', 'city=a b']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^outpost: "a b" is not a custom-field id/);
  }, 60_000);

  it('prints the balance in money and the price per part for a country', async () => {
    const r = await cli(['--json', 'account', 'balance', '--name', 'Main', '--country', 'es']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      name: 'Main',
      currency: 'EUR',
      price: { countryIso: 'ES', max: 0.045 },
    });
    expect(out.balance).toBeCloseTo(sandbox.balance(), 6);
  }, 60_000);

  it('suppresses a number on the provider blacklist, refuses `send` to it saying why and since when, and lifts it only with confirmation', async () => {
    const add = await cli([
      '--json',
      'suppressions',
      'add',
      '+34 655 300 400',
      '--reason',
      'asked by phone',
    ]);
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout).accounts).toEqual(
      expect.arrayContaining([expect.objectContaining({ account: 'Main', blacklist: 'done' })]),
    );
    const send = await cli([
      'send',
      '--account',
      'Main',
      '--to',
      '+34655300400',
      '--from',
      'SHOP',
      '--text',
      'Hi',
    ]);
    expect(send.code).toBe(1);
    expect(send.stderr).toMatch(
      /since \d{4}-\d\d-\d\d \d\d:\d\d UTC: it was added by hand: asked by phone/,
    );
    const unconfirmed = await cli(['suppressions', 'remove', '+34655300400']);
    expect(unconfirmed.code).toBe(2);
    const removed = await cli(['suppressions', 'remove', '+34655300400', '--yes']);
    expect(removed.code, removed.stderr).toBe(0);
    const list = await cli(['--json', 'suppressions', 'list']);
    expect(JSON.parse(list.stdout)).toEqual([]);
  }, 120_000);
});
