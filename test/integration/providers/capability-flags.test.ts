import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../../electron/core/providers/registry';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import type { Capability, ProviderKind } from '../../../shared/domain/capabilities';
import { rejection } from './sandbox-helpers';

/** One representative call per capability (capabilities that only shape data are left out). */
const CALLS: Partial<Record<Capability, (a: ProviderAdapter) => Promise<unknown>>> = {
  sendSms: (a) =>
    a.sendBatch({
      from: 'X',
      text: 't',
      encoding: 'gsm',
      maxParts: 1,
      recipients: [{ to: '34600000000' }],
    }),
  voiceCall: (a) => a.sendCall({ to: '34600000000', text: 't' }),
  deliveryStatus: (a) => a.getStatuses(['1']),
  campaigns: (a) => a.listCampaigns({}),
  sendingReport: (a) => a.getSendingEvents('1'),
  reconcile: (a) =>
    a.reconcileBatch({
      campaignName: 'Outpost',
      requestTag: 'outpost-1',
      sentAt: '2026-01-01T00:00:00Z',
      scheduledAt: null,
      recipients: [{ to: '34600000000', ref: 'outpost-1.1' }],
    }),
  contactsRead: (a) => a.getContact('1'),
  contactsWrite: (a) => a.createContact({ phone: '34600000000', bookIds: ['1'] }),
  contactsDelete: (a) => a.deleteContact('1'),
  books: (a) => a.listBooks({}),
  tags: (a) => a.addTags('1', ['x']),
  blacklist: (a) => a.listBlacklist('sms', {}),
  conversations: (a) => a.listConversations({}),
  scheduledMessages: (a) => a.listScheduled({}),
  accountInfo: (a) => a.getAccount(),
  coverage: (a) => a.listCoverage(),
  automation: (a) => a.addToAutomation('1', '1'),
};

let deadUrl: string;
const adapters: ProviderAdapter[] = [];

beforeAll(async () => {
  // A port nobody listens on: a supported call fails with a network error, an unsupported one never gets that far.
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  deadUrl = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  await new Promise<void>((r) => s.close(() => r()));
});

afterAll(async () => {
  await Promise.all(adapters.map((a) => a.close()));
});

describe.each(['nrs', 'action', 'addressbook', 'tags'] as ProviderKind[])(
  'the %s adapter tells the truth about its capabilities',
  (provider) => {
    it.each(Object.keys(CALLS) as Capability[])('%s', async (capability) => {
      const adapter = createAdapter({
        provider,
        baseUrl: deadUrl,
        username: 'u',
        secret: 'secret',
      });
      adapters.push(adapter);
      const call = CALLS[capability];
      if (!call) throw new Error('no call');
      const e = await rejection(call(adapter));
      if (adapter.capabilities[capability]) expect(e.code).toBe('network');
      else expect(e.code).toBe('unsupported');
    });

    it('can list contacts exactly when it can list or search them', async () => {
      const adapter = createAdapter({
        provider,
        baseUrl: deadUrl,
        username: 'u',
        secret: 'secret',
      });
      adapters.push(adapter);
      const e = await rejection(adapter.listContacts({ search: 'ana' }));
      const can = adapter.capabilities.contactsList || adapter.capabilities.contactsSearch;
      expect(e.code).toBe(can ? 'network' : 'unsupported');
    });
  },
);

describe('createAdapter', () => {
  it('refuses a 360nrs account without a username', () => {
    expect(() => createAdapter({ provider: 'nrs', baseUrl: deadUrl, secret: 's' })).toThrow(
      /username/,
    );
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => createAdapter({ provider: 'tags', baseUrl: 'ftp://x', secret: 's' })).toThrow(
      /protocol/,
    );
  });
});
