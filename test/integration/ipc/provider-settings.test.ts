import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import { CoreContext } from '../../../electron/core/context';
import { createDispatcher } from '../../../electron/core/ipc/dispatch';
import { createHandlers } from '../../../electron/core/ipc/handlers';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import type { Channel, RequestOf } from '../../../shared/ipc/contract';
import { tempDir } from '../../helpers/temp-dir';

let sandbox: SandboxHandle;
let dir: ReturnType<typeof tempDir>;
let core: CoreContext;
let call: <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<unknown>;
const ids = { nrs: 0, action: 0, book: 0 };

async function blacklisted(recipient: string): Promise<boolean> {
  const res = await fetch(
    `${sandbox.apis.nrs.baseUrl}/api/rest/v2/blacklist/sms?recipient=${recipient}`,
    {
      headers: {
        authorization: `Basic ${Buffer.from(`${sandbox.apis.nrs.username}:${sandbox.apis.nrs.password}`).toString('base64')}`,
      },
    },
  );
  const body = (await res.json()) as { data: { recipient: string }[] };
  return body.data.some((e) => e.recipient === recipient);
}

beforeAll(async () => {
  sandbox = await startSandbox({ demoData: false });
  dir = tempDir('outpost-ipc-');
  const vault = new MemoryVault();
  core = new CoreContext({ dataDir: dir.path, version: 'test', vault });
  const add = (
    name: string,
    provider: 'nrs' | 'action' | 'addressbook',
    baseUrl: string,
    secret: string,
  ) =>
    addAccount(core.db, {
      name,
      provider,
      baseUrl,
      ...(provider === 'nrs' ? { username: sandbox.apis.nrs.username } : {}),
      secretRef: vault.store(name, secret),
    }).id;
  ids.nrs = add('Main', 'nrs', sandbox.apis.nrs.baseUrl, sandbox.apis.nrs.password);
  ids.action = add('Shop', 'action', sandbox.apis.action.baseUrl, sandbox.apis.action.secretKey);
  ids.book = add(
    'Books',
    'addressbook',
    sandbox.apis.addressbook.baseUrl,
    sandbox.apis.addressbook.token,
  );
  const dispatch = createDispatcher(createHandlers(core));
  call = async (channel, request) => {
    const r = await dispatch(channel, request);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
});

afterAll(async () => {
  await core.close();
  await sandbox.close();
  dir.remove();
});

describe('suppressions over IPC', () => {
  it('adding puts the number on the provider blacklist and every app send to it is refused, saying why and since when', async () => {
    const added = await call('suppressions.add', {
      phone: '+34 611 222 333',
      reason: 'asked by phone',
    });
    expect(added).toMatchObject({
      ok: true,
      phone: '34611222333',
      accounts: expect.arrayContaining([
        { accountId: ids.nrs, account: 'Main', changed: true, blacklist: 'done' },
        { accountId: ids.action, account: 'Shop', changed: true, blacklist: 'none' },
      ]),
    });
    expect(await blacklisted('34611222333')).toBe(true);
    const send = (await call('outbox.send', {
      accountId: ids.nrs,
      to: '0034611222333',
      from: 'OUTPOST',
      text: 'Hello',
    })) as { ok: boolean; field?: string; message?: string };
    expect(send).toMatchObject({ ok: false, field: 'to' });
    expect(send.message).toMatch(
      /\+34611222333 is on the suppression list since \d{4}-\d\d-\d\d \d\d:\d\d UTC: it was added by hand: asked by phone/,
    );
    expect(await call('outbox.status', {})).toMatchObject({ counts: { queued: 0 } });
    const list = (await call('suppressions.list', { accountId: ids.nrs })) as {
      phone: string;
      blacklist: string;
    }[];
    expect(list).toEqual([
      expect.objectContaining({ phone: '34611222333', reason: 'manual', blacklist: 'done' }),
    ]);
  });

  it('removing takes it off the blacklist and lets the send through', async () => {
    const removed = await call('suppressions.remove', { phone: '34611222333' });
    expect(removed).toMatchObject({ ok: true });
    expect(await blacklisted('34611222333')).toBe(false);
    expect(
      await call('outbox.send', {
        accountId: ids.nrs,
        to: '+34611222333',
        from: 'OUTPOST',
        text: 'Hello',
      }),
    ).toMatchObject({ ok: true });
  });

  it('answers a sentence for a number that is not one, and for removing what is not suppressed', async () => {
    expect(await call('suppressions.add', { phone: '12' })).toMatchObject({ ok: false });
    expect(await call('suppressions.remove', { phone: '+34699999999' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not on any suppression list/),
    });
  });
});

describe('account settings over IPC', () => {
  it('keeps an action account’s custom-field ids, and refuses them for another provider', async () => {
    expect(
      await call('accounts.setFields', { accountId: ids.action, fields: { city: '1', plan: '3' } }),
    ).toEqual({
      ok: true,
      fields: { city: '1', plan: '3' },
    });
    expect(await call('accounts.getFields', { accountId: ids.action })).toEqual({
      ok: true,
      fields: { city: '1', plan: '3' },
    });
    expect(await call('accounts.getFields', { accountId: ids.nrs })).toMatchObject({ ok: false });
    expect(
      await call('accounts.setFields', { accountId: ids.action, fields: { town: '1', city: '1' } }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/already mapped/) });
    expect(await call('accounts.getFields', { accountId: ids.action })).toMatchObject({
      fields: { city: '1', plan: '3' },
    });
  });

  it('keeps an address-book account’s books, refusing ids the API would refuse', async () => {
    expect(
      await call('accounts.setBooks', {
        accountId: ids.book,
        books: [{ id: '2', name: 'Customers' }],
      }),
    ).toEqual({ ok: true, books: [{ id: '2', name: 'Customers' }] });
    expect(
      await call('accounts.setBooks', { accountId: ids.book, books: [{ id: 'abc', name: 'X' }] }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/whole number/) });
    expect(await call('accounts.getBooks', { accountId: ids.book })).toEqual({
      ok: true,
      books: [{ id: '2', name: 'Customers' }],
    });
  });

  it('reports the balance in money and the price per part, in the same currency', async () => {
    const before = (await call('accounts.balance', { accountId: ids.nrs, country: 'ES' })) as {
      balance: number;
      currency: string;
      price: { min: number; max: number; currency: string };
    };
    expect(before).toMatchObject({
      ok: true,
      currency: 'EUR',
      price: { countryIso: 'ES', currency: 'EUR' },
    });
    expect(before.price.max).toBe(0.045);
    expect(before.balance).toBeCloseTo(sandbox.balance(), 6);
    expect(await call('accounts.balance', { accountId: ids.action })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/reports no balance/),
    });
  });
});
