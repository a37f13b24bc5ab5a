import { describe, expect, it } from 'vitest';
import { buildOutpostApi } from '../../../shared/ipc/client';
import { channels } from '../../../shared/ipc/contract';
import { OutpostCallError } from '../../../shared/ipc/errors';

describe('window.outpost built from the contract', () => {
  it('has one method per channel, grouped by namespace, that forwards to the transport', async () => {
    const calls: [string, unknown][] = [];
    const api = buildOutpostApi(async (channel, request) => {
      calls.push([channel, request]);
      return { ok: true, value: `reply of ${channel}` };
    });
    for (const channel of channels) {
      const [namespace, method] = channel.split('.') as [string, string];
      const group = (api as unknown as Record<string, Record<string, () => Promise<unknown>>>)[
        namespace
      ];
      expect(await group?.[method]?.()).toBe(`reply of ${channel}`);
    }
    expect(calls).toEqual(channels.map((c) => [c, {}]));
  });

  it('throws a typed error carrying the code and the field issues of a failed call', async () => {
    const api = buildOutpostApi(async () => ({
      ok: false,
      error: {
        code: 'bad-request',
        message: 'Invalid request',
        issues: [{ path: 'x', message: 'bad' }],
      },
    }));
    const error = await api.app.info().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutpostCallError);
    expect(error).toMatchObject({
      code: 'bad-request',
      message: 'app.info: Invalid request',
      issues: [{ path: 'x', message: 'bad' }],
    });
  });
});
