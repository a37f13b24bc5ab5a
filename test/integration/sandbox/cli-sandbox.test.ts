import { afterAll, describe, expect, it } from 'vitest';
import {
  firstLine,
  parseSandboxCliOptions,
  runSandboxCommand,
} from '../../../electron/cli/commands/sandbox';
import { UsageError } from '../../../electron/cli/errors';
import { startSandbox } from '../../../electron/sandbox';
import { basic, call, closeAgents } from './helpers';

afterAll(async () => {
  await closeAgents();
});

describe('outpost sandbox', () => {
  it('prints exactly {"apis":{...}} first with --json, serves until stopped, then closes', async () => {
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const lines: string[] = [];
    let printed = () => {};
    const firstPrinted = new Promise<void>((resolve) => {
      printed = resolve;
    });
    const running = runSandboxCommand(
      { port: '0', credits: '42', seed: '3' },
      true,
      (text) => {
        lines.push(text);
        printed();
      },
      stopped,
    );
    await firstPrinted;
    const first = JSON.parse(lines[0] ?? '');
    expect(Object.keys(first)).toEqual(['apis']);
    expect(Object.keys(first.apis)).toEqual(['nrs', 'action', 'addressbook', 'tags']);
    expect(Object.keys(first.apis.nrs)).toEqual(['baseUrl', 'username', 'password']);
    expect(first.apis.nrs.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/nrs$/);
    const account = await call(`${first.apis.nrs.baseUrl}/api/rest/account`, 'GET', {
      headers: { authorization: basic(first.apis.nrs.username, first.apis.nrs.password) },
    });
    expect(account.json.data.balance).toBe(42);
    stop();
    await running;
    await expect(call(`${first.apis.nrs.baseUrl}/api/rest/account`, 'GET')).rejects.toThrow();
  });

  it('prints a one-line human summary without --json', () => {
    const apis = {
      nrs: { baseUrl: 'http://127.0.0.1:5000/nrs', username: 'u', password: 'p' },
      action: { baseUrl: 'http://127.0.0.1:5000/action', secretKey: 'k' },
      addressbook: { baseUrl: 'http://127.0.0.1:5000/addressbook', token: 't' },
      tags: { baseUrl: 'http://127.0.0.1:5000/tags', apiKey: 'a' },
    };
    const line = firstLine(apis, false);
    expect(line).not.toContain('\n');
    for (const part of [
      'http://127.0.0.1:5000/nrs',
      '"u"',
      '"p"',
      '/action',
      '"k"',
      '/addressbook',
      '"t"',
      '/tags',
      '"a"',
    ]) {
      expect(line).toContain(part);
    }
  });

  it('refuses to listen anywhere but on loopback', async () => {
    await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
  });

  it('reads the options and refuses bad ones as usage errors', () => {
    expect(
      parseSandboxCliOptions({
        port: '8080',
        allowIp: '127.0.0.1,127.0.0.2',
        credits: '5',
        seed: '9',
        faults: '5xx=0.5',
      }),
    ).toEqual({
      host: '127.0.0.1',
      port: 8080,
      allowIps: ['127.0.0.1', '127.0.0.2'],
      credits: 5,
      seed: 9,
      faults: { error5xx: 0.5 },
    });
    for (const raw of [
      { port: '70000' },
      { port: 'x' },
      { allowIp: 'localhost' },
      { credits: '-1' },
      { faults: 'boom=1' },
      { seed: '1.5' },
    ]) {
      expect(() => parseSandboxCliOptions(raw)).toThrow(UsageError);
    }
  });
});
