import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/core/ipc/dispatch';
import type { HandlerTable } from '../../../electron/core/ipc/handler-table';

const info = { name: 'Outpost', version: '1.0.0', dataDir: '/data', schemaVersion: 2 };

function table(overrides: Partial<Record<keyof HandlerTable, () => unknown>> = {}): HandlerTable {
  return {
    'app.info': () => info,
    'db.health': () => {
      throw new Error('The database file is locked by another program.');
    },
    ...overrides,
  } as HandlerTable;
}

describe('the IPC dispatcher', () => {
  it('answers a valid call with the handler reply', async () => {
    expect(await createDispatcher(table())('app.info', {})).toEqual({ ok: true, value: info });
  });

  it('treats a missing payload as an empty request', async () => {
    expect(await createDispatcher(table())('app.info', undefined)).toEqual({
      ok: true,
      value: info,
    });
  });

  it('refuses a channel the contract does not have', async () => {
    const result = await createDispatcher(table())('fs.readFile', { path: '/etc/passwd' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: 'There is no channel "fs.readFile".' },
    });
  });

  it('refuses a payload that does not match, naming the field, without calling the handler', async () => {
    let called = false;
    const dispatch = createDispatcher(
      table({
        'app.info': () => {
          called = true;
          return info;
        },
      }),
    );
    const result = await dispatch('app.info', { extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toContain('app.info');
    expect(result.error.issues?.[0]?.message).toMatch(/extra/);
    expect(called).toBe(false);
  });

  it('passes a handler failure on as a sentence instead of crashing', async () => {
    expect(await createDispatcher(table())('db.health', {})).toEqual({
      ok: false,
      error: { code: 'failed', message: 'The database file is locked by another program.' },
    });
  });

  it('refuses a reply that breaks the contract', async () => {
    const dispatch = createDispatcher(table({ 'app.info': () => ({ ...info, version: 7 }) }));
    const result = await dispatch('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
  });
});
