import { describe, expect, it } from 'vitest';
import {
  ActionErrorResponseSchema,
  ActionResponseSchema,
  encodeActionRequest,
} from '../../../shared/providers/action/schemas';
import {
  AbContactDetailResponseSchema,
  AbErrorResponseSchema,
  AbIdResponseSchema,
} from '../../../shared/providers/addressbook/schemas';
import {
  TagsContactListResponseSchema,
  TagsContactResponseSchema,
  TagsDeleteResponseSchema,
  TagsErrorResponseSchema,
  TagsTagChangeResponseSchema,
} from '../../../shared/providers/tags/schemas';
import { type CallOptions, call, sandboxForThisFile } from './helpers';

const t = sandboxForThisFile();

describe('Action API (seed 000)', () => {
  const post = (actions: unknown[], key = t.sb.apis.action.secretKey) =>
    call(t.sb.apis.action.baseUrl, 'POST', { body: encodeActionRequest(key, actions as never) });

  it('runs every seed example in one request, answering one result per action', async () => {
    const res = await post([
      {
        type: 'NEW',
        Number: '+16193596440',
        Email: 'exaple@example.com',
        Fname: 'firtsName',
        Lname: 'lastName',
        // The seed's 'idCustom' is a placeholder for a custom field's id; '1' is one of the sandbox's.
        Custom: { '1': 'valueCustom' },
        Opportunitie: true,
      },
      { type: 'EDIT', Number: '+526600000000', Email: 'exaple@example.com', idContact: 0 },
      { type: 'SEARCH', Lname: 'pedro', Fname: 'juan', idContact: 0 },
      { idContact: 10, idAuto: 10 },
      { number: '+526643596440', text: 'Hello, your package ', type: 'CALL' },
      { number: '+526643596440', text: 'Hello, your package ', type: 'SMS' },
      { type: 'TRASH', idContact: 0 },
    ]);
    expect(res.status).toBe(200);
    const results = ActionResponseSchema.parse(res.json);
    expect(results.map((r) => r.status)).toEqual(Array(7).fill('success'));
    expect(results[2]).toMatchObject({ data: [{ Fname: 'juan', Lname: 'pedro' }] });
    expect(t.sb.ledger().filter((e) => e.api === 'action')).toEqual([
      expect.objectContaining({
        to: '+526643596440',
        text: 'Hello, your package ',
        parts: 1,
        times: 1,
      }),
    ]);
  });

  it('answers per action errors without failing the others', async () => {
    const results = ActionResponseSchema.parse(
      (
        await post([
          { type: 'TRASH', idContact: 424242 },
          { idContact: 10, idAuto: 11 },
          { type: 'NOPE' },
          { type: 'SMS', number: '12', text: 'x' },
        ])
      ).json,
    );
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error', 'error']);
  });

  it('accepts only what the seed shows: "+" numbers, custom-field ids, no unknown keys', async () => {
    const results = ActionResponseSchema.parse(
      (
        await post([
          // Outpost's own digits form, without the seed's "+" (seed 000 lines 9, 107, 126).
          { type: 'SMS', number: '526643596440', text: 'x' },
          { type: 'NEW', Number: '16193596440' },
          { type: 'NEW', Number: '+16193596441', Custom: { city: 'Tijuana' } },
          { type: 'EDIT', idContact: 10, Opportunitie: true },
          {
            type: 'NEW',
            Number: '+16193596442',
            Custom: { '2': '1990-01-01' },
            Opportunitie: true,
          },
        ])
      ).json,
    );
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error', 'error', 'success']);
    const created = results[4] as { id: number };
    const found = ActionResponseSchema.parse(
      (await post([{ type: 'SEARCH', idContact: created.id }])).json,
    );
    expect(found[0]).toMatchObject({
      data: [{ Number: '+16193596442', Custom: { '2': '1990-01-01' }, Opportunitie: true }],
    });
  });

  it('answers 401 to a wrong key and 400 to a body that is not JSON', async () => {
    const wrong = await post([{ type: 'SEARCH' }], 'nope');
    expect([wrong.status, ActionErrorResponseSchema.parse(wrong.json).status]).toEqual([
      401,
      'error',
    ]);
    const bad = await call(t.sb.apis.action.baseUrl, 'POST', { raw: '[' });
    expect(bad.status).toBe(400);
  });
});

describe('Address-book API (seed 001)', () => {
  const ab = (path: string, body: unknown, token = t.sb.apis.addressbook.token) =>
    call(`${t.sb.apis.addressbook.baseUrl}${path}`, 'POST', {
      body,
      headers: { authorization: `Bearer ${token}` },
    });

  it('runs the four seed examples as written', async () => {
    const created = AbIdResponseSchema.parse(
      (
        await ab('/api/contact/new', {
          group_id: 1,
          phone_number: '0412345678',
          first_name: 'John',
          last_name: 'Doe',
        })
      ).json,
    );
    expect(created.status).toBe('success');
    const detail = AbContactDetailResponseSchema.parse(
      (await ab('/api/contact/detail', { id: '1' })).json,
    );
    expect(detail.result.contact).toMatchObject({
      id: 1,
      first_name: 'John',
      company: 'ABC Inc.',
      custom_4: 'Custom Data 4',
    });
    expect((await ab('/api/contact/edit', { id: 123456, first_name: 'Jane' })).json).toEqual({
      status: 'success',
      result: { id: 123456 },
    });
    expect((await ab('/api/contact/delete', { id: 1234 })).json).toEqual({
      status: 'success',
      result: { id: 1234 },
    });
    expect((await ab('/api/contact/detail', { id: 1234 })).status).toBe(404);
  });

  it('moves a contact to another address book, and refuses an unknown one', async () => {
    expect((await ab('/api/contact/edit', { id: 123456, group_id: 2 })).status).toBe(200);
    expect((await ab('/api/contact/detail', { id: 123456 })).json.result.contact.group_id).toBe(2);
    const bad = await ab('/api/contact/edit', { id: 123456, group_id: 99 });
    expect([bad.status, AbErrorResponseSchema.parse(bad.json).status]).toEqual([404, 'error']);
  });

  it('answers 401 to a wrong token and 422 to a missing phone number', async () => {
    expect((await ab('/api/contact/detail', { id: 1 }, 'nope')).status).toBe(401);
    expect((await ab('/api/contact/new', { group_id: 1 })).status).toBe(422);
  });
});

describe('Tags API (seed 002)', () => {
  const tags = (method: string, path: string, opts: CallOptions = {}) =>
    call(`${t.sb.apis.tags.baseUrl}${path}`, method, {
      ...opts,
      headers: { 'x-api-key': t.sb.apis.tags.apiKey },
    });

  it('pages contacts with limit/page and filters by tag, location and text', async () => {
    const seen = new Set<string>();
    for (let page = 1; page <= 10; page++) {
      const batch = TagsContactListResponseSchema.parse(
        (await tags('GET', `/v1/contacts?limit=40&page=${page}`)).json,
      );
      for (const c of batch) seen.add(c.id);
      if (batch.length < 40) break;
    }
    expect(seen.size).toBe(150);
    const vip = TagsContactListResponseSchema.parse(
      (await tags('GET', '/v1/contacts?tags=vip&limit=1000')).json,
    );
    expect(vip.length).toBeGreaterThan(0);
    expect(vip.every((c) => c.tags.includes('vip'))).toBe(true);
    const lisboa = TagsContactListResponseSchema.parse(
      (await tags('GET', '/v1/contacts?locationId=loc_lisboa&limit=1000')).json,
    );
    expect(lisboa.every((c) => c.location?.id === 'loc_lisboa')).toBe(true);
    const first = vip[0];
    const found = TagsContactListResponseSchema.parse(
      (await tags('GET', `/v1/contacts?searchText=${encodeURIComponent(first?.phoneNumber ?? '')}`))
        .json,
    );
    expect(found.map((c) => c.id)).toEqual([first?.id]);
  });

  it('creates, reads, updates, tags, untags and deletes a contact', async () => {
    const created = TagsContactResponseSchema.parse(
      (
        await tags('POST', '/v1/contacts', {
          body: { name: 'Test Person', phoneNumber: '+34600999888', tags: ['lead'] },
        })
      ).json,
    );
    const path = `/v1/contacts/${created.id}`;
    expect(TagsContactResponseSchema.parse((await tags('GET', path)).json).name).toBe(
      'Test Person',
    );
    const updated = await tags('PUT', path, {
      body: { name: 'Renamed', phoneNumber: '+34600999888', stage: 'Subscriber' },
    });
    expect(updated.json).toMatchObject({ id: created.id, name: 'Renamed', tags: [] });
    const added = TagsTagChangeResponseSchema.parse(
      (await tags('POST', `${path}/tags/add`, { body: { tags: ['vip', 'lead'] } })).json,
    );
    expect(added).toEqual({ id: created.id, tags: ['vip', 'lead'] });
    const removed = TagsTagChangeResponseSchema.parse(
      (await tags('POST', `${path}/tags/remove`, { body: { tags: ['vip'] } })).json,
    );
    expect(removed.tags).toEqual(['lead']);
    expect(TagsDeleteResponseSchema.parse((await tags('DELETE', path)).json)).toEqual({
      success: true,
    });
    expect(TagsErrorResponseSchema.parse((await tags('GET', path)).json).message).toMatch(
      /not found/,
    );
  });

  it('answers 401 without the key and 400 to a contact without a name', async () => {
    expect((await call(`${t.sb.apis.tags.baseUrl}/v1/contacts`, 'GET')).status).toBe(401);
    expect(
      (await tags('POST', '/v1/contacts', { body: { phoneNumber: '+34600999888' } })).status,
    ).toBe(400);
  });
});
