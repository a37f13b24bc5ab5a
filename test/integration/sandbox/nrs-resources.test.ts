import { describe, expect, it } from 'vitest';
import {
  AccountResponseSchema,
  BlacklistEntryResponseSchema,
  BlacklistListResponseSchema,
  ContactListResponseSchema,
  ContactResponseSchema,
  CoverageByCountryResponseSchema,
  CoverageResponseSchema,
  GroupListResponseSchema,
  GroupResponseSchema,
  WhatsAppConversationListResponseSchema,
  WhatsAppConversationResponseSchema,
  WhatsAppMessageListResponseSchema,
  WhatsAppSendMessageResponseSchema,
  WhatsAppTemplateSendResponseSchema,
} from '../../../shared/providers/nrs/schemas';
import { nrs, sandboxForThisFile } from './helpers';

const t = sandboxForThisFile();

describe('contacts', () => {
  it('answers the seed list example with includes', async () => {
    const res = await nrs(t.sb, 'GET', '/api/rest/contacts?include=customFields,groups');
    const body = ContactListResponseSchema.parse(res.json);
    expect(body.data[0]).toMatchObject({
      id: 1,
      phone: '34666666666',
      customFields: { data: [{ key: 'color', type: 'string', value: 'green' }] },
      groups: { data: [{ id: 1, name: 'My contact list' }] },
    });
    expect(body.meta.pagination).toMatchObject({ count: 100, per_page: 100, current_page: 1 });
    expect(body.meta.pagination.total).toBeGreaterThanOrEqual(300);
  });

  it('pages through every contact exactly once, with limit capped at 1000', async () => {
    const seen = new Set<number>();
    let url: string | undefined = '/api/rest/contacts?limit=70';
    for (let page = 0; url && page < 20; page++) {
      const body = ContactListResponseSchema.parse((await nrs(t.sb, 'GET', url)).json);
      for (const c of body.data) {
        expect(seen.has(c.id)).toBe(false);
        seen.add(c.id);
      }
      const next = (body.meta.pagination.links as { next?: string }).next;
      url = next ? next.slice(t.sb.apis.nrs.baseUrl.length) : undefined;
    }
    const all = ContactListResponseSchema.parse(
      (await nrs(t.sb, 'GET', '/api/rest/contacts?limit=5000')).json,
    );
    expect(all.meta.pagination.per_page).toBe(1000);
    expect(seen.size).toBe(all.meta.pagination.total);
  });

  it('filters by phone and shows one contact', async () => {
    const res = await nrs(t.sb, 'GET', '/api/rest/contacts?phone=34666666666');
    expect(ContactListResponseSchema.parse(res.json).data.map((c) => c.id)).toEqual([1]);
    const one = await nrs(t.sb, 'GET', '/api/rest/contacts/1?include=customFields,groups');
    expect(ContactResponseSchema.parse(one.json).data.email).toBe('email@example.com');
    expect((await nrs(t.sb, 'GET', '/api/rest/contacts/999999')).status).toBe(404);
  });

  it('creates (201), updates (200) and deletes (204) the seed example contact', async () => {
    const example = {
      email: 'new.contact@example.com',
      phone: '3466666666',
      countryIso: 'ES',
      groupsNames: ['My contact list'],
      customFields: [{ key: 'company', value: 'ACME inc.' }],
    };
    const created = await nrs(t.sb, 'POST', '/api/rest/contacts', { body: example });
    expect(created.status).toBe(201);
    const { data } = ContactResponseSchema.parse(created.json);
    expect(data).toMatchObject({ email: 'new.contact@example.com', landline: null, name: null });
    expect(data.links?.self).toBe(`${t.sb.apis.nrs.baseUrl}/api/rest/contacts/${data.id}`);
    const updated = await nrs(t.sb, 'PUT', `/api/rest/contacts/${data.id}`, {
      body: { name: 'Renamed' },
    });
    expect([updated.status, updated.json.data.name, updated.json.data.email]).toEqual([
      200,
      'Renamed',
      'new.contact@example.com',
    ]);
    const shown = await nrs(
      t.sb,
      'GET',
      `/api/rest/contacts/${data.id}?include=customFields,groups`,
    );
    expect(shown.json.data.groups.data).toEqual([{ id: 1, name: 'My contact list' }]);
    expect(shown.json.data.customFields.data).toEqual([
      { key: 'company', type: 'string', value: 'ACME inc.' },
    ]);
    expect((await nrs(t.sb, 'DELETE', `/api/rest/contacts/${data.id}`)).status).toBe(204);
    expect((await nrs(t.sb, 'GET', `/api/rest/contacts/${data.id}`)).status).toBe(404);
  });

  it('answers 422 with a sentence for each missing requirement', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ groupsIds: [1] }, /email field is required/],
      [{ phone: '34666000000', groupsIds: [1] }, /countryIso/],
      [{ email: 'a@example.com' }, /groupsIds/],
      [{ email: 'a@example.com', groupsIds: [424242] }, /groupsIds is invalid/],
    ];
    for (const [body, message] of cases) {
      const res = await nrs(t.sb, 'POST', '/api/rest/contacts', { body });
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe(422);
      expect(res.json.error.description).toMatch(message);
    }
  });
});

describe('groups', () => {
  it('lists, shows, creates, renames and deletes groups', async () => {
    const list = GroupListResponseSchema.parse((await nrs(t.sb, 'GET', '/api/rest/groups')).json);
    expect(list.data.slice(0, 3).map((g) => g.id)).toEqual([1, 2, 3]);
    expect(
      GroupResponseSchema.parse((await nrs(t.sb, 'GET', '/api/rest/groups/1')).json).data.id,
    ).toBe(1);
    const created = await nrs(t.sb, 'POST', '/api/rest/groups', {
      body: { name: 'My new contact list' },
    });
    expect(created.status).toBe(201);
    const id = GroupResponseSchema.parse(created.json).data.id;
    const renamed = await nrs(t.sb, 'PUT', `/api/rest/groups/${id}`, {
      body: { name: 'Renamed list' },
    });
    expect(renamed.json).toEqual({ data: { id, name: 'Renamed list' } });
    expect((await nrs(t.sb, 'POST', '/api/rest/groups', { body: {} })).json).toEqual({
      error: { code: 422, description: 'The name field is required.' },
    });
    expect((await nrs(t.sb, 'DELETE', `/api/rest/groups/${id}`)).status).toBe(204);
    expect((await nrs(t.sb, 'GET', `/api/rest/groups/${id}`)).status).toBe(404);
  });
});

describe('blacklist', () => {
  it('lists, adds and removes per channel', async () => {
    const list = BlacklistListResponseSchema.parse(
      (await nrs(t.sb, 'GET', '/api/rest/v2/blacklist/sms')).json,
    );
    expect(list.data[0]).toMatchObject({
      recipient: '99000000000',
      sendingId: 123,
      campaignName: 'TEST_CAMPAIGN',
    });
    const added = await nrs(t.sb, 'PUT', '/api/rest/v2/blacklist/sms', {
      body: { recipient: '34600123123' },
    });
    expect(BlacklistEntryResponseSchema.parse(added.json).data).toMatchObject({
      type: 'sms',
      recipient: '34600123123',
    });
    const filtered = await nrs(t.sb, 'GET', '/api/rest/v2/blacklist/sms?recipient=34600123123');
    expect(filtered.json.data).toHaveLength(1);
    expect((await nrs(t.sb, 'GET', '/api/rest/v2/blacklist/voice')).json.data).toEqual([]);
    expect(
      (
        await nrs(t.sb, 'DELETE', '/api/rest/v2/blacklist/sms', {
          body: { recipient: '34600123123' },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await nrs(t.sb, 'DELETE', '/api/rest/v2/blacklist/sms', {
          body: { recipient: '34600123123' },
        })
      ).status,
    ).toBe(404);
    expect((await nrs(t.sb, 'GET', '/api/rest/v2/blacklist/fax')).status).toBe(404);
  });
});

describe('WhatsApp', () => {
  const conv = '/api/rest/whatsapp/conversations/34666777555/34666555444';

  it('lists and shows the seed conversation and its messages, newest first', async () => {
    const list = WhatsAppConversationListResponseSchema.parse(
      (await nrs(t.sb, 'GET', '/api/rest/whatsapp/conversations?limit=2')).json,
    );
    expect(list.data).toHaveLength(2);
    expect(list.meta.pagination.total).toBeGreaterThanOrEqual(5);
    const one = WhatsAppConversationResponseSchema.parse((await nrs(t.sb, 'GET', conv)).json);
    expect(one.data).toMatchObject({
      from: '34666777555',
      to: '34666555444',
      isSessionActive: true,
      totalMessages: 2,
    });
    const messages = WhatsAppMessageListResponseSchema.parse(
      (await nrs(t.sb, 'GET', `${conv}/messages`)).json,
    );
    expect(messages.data.map((m) => m.content)).toEqual(['User response', 'Template content']);
  });

  it('sends into an active session, refuses an expired one, and shows inbound replies', async () => {
    const sent = await nrs(t.sb, 'POST', `${conv}/messages`, {
      body: { content: 'Message content' },
    });
    expect(sent.status).toBe(201);
    expect(WhatsAppSendMessageResponseSchema.parse(sent.json).data.content).toBe('Message content');
    t.clock.advance(25 * 3_600_000);
    const late = await nrs(t.sb, 'POST', `${conv}/messages`, { body: { content: 'Too late' } });
    expect([late.status, late.json.error.code]).toEqual([422, 422]);
    t.sb.addInboundWhatsApp('34666555444', '34666777555', 'Hello again');
    const messages = (await nrs(t.sb, 'GET', `${conv}/messages`)).json;
    expect(messages.data[0]).toMatchObject({ content: 'Hello again', msisdn: '34666555444' });
    expect(messages.meta.isSessionActive).toBe(true);
  });

  it('sends the seed template example (202) and refuses an unknown template (140)', async () => {
    const body = { templateId: 123, from: '34666777555', messages: [{ to: '34666555444' }] };
    const res = await nrs(t.sb, 'POST', '/api/rest/whatsapp', { body });
    expect(res.status).toBe(202);
    expect(WhatsAppTemplateSendResponseSchema.parse(res.json).result[0]).toMatchObject({
      accepted: true,
      to: '34666555444',
    });
    const partial = await nrs(t.sb, 'POST', '/api/rest/whatsapp', {
      body: { ...body, messages: [{ to: '34666555444', bodyFields: ['auth_code'] }, { to: '34' }] },
    });
    expect(partial.status).toBe(207);
    const bad = await nrs(t.sb, 'POST', '/api/rest/whatsapp', { body: { ...body, templateId: 9 } });
    expect([bad.status, bad.json]).toEqual([
      400,
      { error: { code: 140, description: 'Invalid template' } },
    ]);
  });

  it('lets replies to a new conversation appear only as time passes', async () => {
    const replies: number[] = [];
    for (let i = 0; i < 6; i++) {
      const to = `3467700000${i}`;
      await nrs(t.sb, 'POST', '/api/rest/whatsapp', {
        body: { templateId: 124, from: '34666777555', messages: [{ to, bodyFields: ['1234'] }] },
      });
      replies.push(
        (await nrs(t.sb, 'GET', `/api/rest/whatsapp/conversations/34666777555/${to}`)).json.data
          .totalMessages,
      );
    }
    expect(replies.every((n) => n === 1)).toBe(true);
    t.clock.advance(60_000);
    let later = 0;
    for (let i = 0; i < 6; i++) {
      later += (
        await nrs(t.sb, 'GET', `/api/rest/whatsapp/conversations/34666777555/3467700000${i}`)
      ).json.data.totalMessages;
    }
    expect(later).toBeGreaterThan(6);
  });
});

describe('account and coverage', () => {
  it('reports the remaining credits as the balance', async () => {
    const res = AccountResponseSchema.parse((await nrs(t.sb, 'GET', '/api/rest/account')).json);
    const account = 'data' in res ? res.data : res;
    expect(account).toMatchObject({
      username: t.sb.apis.nrs.username,
      balance: t.sb.balance(),
      currency: 'EUR',
    });
  });

  it('lists prices per network and per country, consistently', async () => {
    const networks = CoverageResponseSchema.parse(
      (await nrs(t.sb, 'GET', '/api/rest/sms/coverage')).json,
    ).data;
    const countries = CoverageByCountryResponseSchema.parse(
      (await nrs(t.sb, 'GET', '/api/rest/sms/coverageByCountry')).json,
    ).data;
    expect(networks.slice(0, 3).map((n) => [n.countryIso, n.networkName, n.cost])).toEqual([
      ['AD', 'Default', 0.065],
      ['AD', 'Servei De Tele. DAndorra', 0.065],
      ['AE', 'Default', 0.0868],
    ]);
    for (const c of countries) {
      const costs = networks.filter((n) => n.countryIso === c.countryIso).map((n) => n.cost);
      expect([c.minCost, c.maxCost]).toEqual([Math.min(...costs), Math.max(...costs)]);
    }
  });
});
