import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox/index';
import { adapterFor, rejection } from './sandbox-helpers';

let sandbox: SandboxHandle;
let action: ProviderAdapter;
let fieldIds: Record<string, string> = {};

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5 });
  action = adapterFor(sandbox.apis, 'action', { customFieldIds: () => fieldIds });
});

afterAll(async () => {
  await action.close();
  await sandbox.close();
});

describe('action adapter: what reaches the provider is what seed 000 says', () => {
  it('sends to numbers held as digits in the seed form, "+" and the country code', async () => {
    const out = await action.sendBatch({
      from: 'Outpost',
      text: 'Your order is ready',
      encoding: 'gsm',
      maxParts: 1,
      recipients: [{ to: '526643596441' }],
    });
    expect(out.results[0]).toMatchObject({ to: '526643596441', accepted: true });
    expect(sandbox.ledger().find((l) => l.text === 'Your order is ready')?.to).toBe(
      '+526643596441',
    );
  });

  it('creates a contact with Custom keyed by the mapped field ids and Opportunitie set', async () => {
    fieldIds = { city: '1', plan: '3' };
    const c = await action.createContact({
      phone: '34666000111',
      firstName: 'Marta',
      customFields: [
        { key: 'city', type: 'string', value: 'Sevilla' },
        { key: 'plan', type: 'string', value: 'gold' },
      ],
      opportunity: true,
    });
    const read = await action.getContact(c.id);
    expect(read).toMatchObject({ phone: '+34666000111', firstName: 'Marta', opportunity: true });
    expect(Object.fromEntries(read.customFields.map((f) => [f.key, f.value]))).toEqual({
      city: 'Sevilla',
      plan: 'gold',
    });
  });

  it('a mapping changed after the adapter opened applies at once', async () => {
    fieldIds = { town: '1' };
    const c = await action.createContact({
      phone: '34666000112',
      customFields: [{ key: 'town', type: 'string', value: 'Cádiz' }],
    });
    expect((await action.getContact(c.id)).customFields).toMatchObject([
      { key: 'town', value: 'Cádiz' },
    ]);
  });

  it('refuses an unmapped custom field before sending anything', async () => {
    fieldIds = {};
    const before = sandbox.requestCount({ pathPrefix: '/action' });
    const e = await rejection(
      action.createContact({
        phone: '34666000113',
        customFields: [{ key: 'city', type: 'string', value: 'Vigo' }],
      }),
    );
    expect(e.message).toMatch(/"city"/);
    expect(sandbox.requestCount({ pathPrefix: '/action' })).toBe(before);
  });

  it('refuses Opportunitie on an edit (the seed sets it on create only), before sending', async () => {
    const before = sandbox.requestCount({ pathPrefix: '/action' });
    const e = await rejection(action.updateContact('10', { opportunity: true }));
    expect(e.kind).toBe('permanent');
    expect(sandbox.requestCount({ pathPrefix: '/action' })).toBe(before);
  });
});
