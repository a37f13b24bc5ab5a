import { describe, expect, it } from 'vitest';
import { nrs, sandboxForThisFile, startTestSandbox } from './helpers';

/**
 * Every 360nrs request example of seed 003 (the curl lines), replayed as written
 * against the demo data, in an order where the deleting ones come last.
 */
const t = sandboxForThisFile();

type Example = [method: string, path: string, body: unknown, status: number];

const examples: Example[] = [
  [
    'POST',
    '/api/rest/sms',
    { to: ['34666555444'], from: 'TEST', message: 'SMS text message' },
    202,
  ], // line 15
  ['GET', '/api/rest/sms/XXXXXXXXXXXXX', undefined, 200], // line 398 (the id of the 202 example)
  [
    'POST',
    '/api/rest/whatsapp',
    { templateId: 123, from: '34666777555', messages: [{ to: '34666555444' }] },
    202,
  ], // 1561
  [
    'POST',
    '/api/rest/whatsapp',
    {
      templateId: 123,
      from: '34666777555',
      messages: [
        {
          to: '34666555444',
          headerFields: ['headerField1'],
          bodyFields: ['bodyField1', 'bodyField2'],
          callToActionFields: ['actionField1'],
          defaultAnswer: 'Example answer',
          // The seed's example has a trailing comma here (line 1806), which no JSON parser takes.
          buttonAnswers: ['first button answer', 'second button answer'],
        },
      ],
    },
    202,
  ], // 1794
  [
    'POST',
    '/api/rest/whatsapp',
    {
      templateId: 123,
      from: '34666777555',
      messages: [
        {
          to: '34666555444',
          location: {
            lat: '39.92516922986921',
            long: '-0.10572674363232447',
            name: 'NRS-Group',
            address: 'Carrer, Av. Arcadi Garcia Sanz, 19, 12540 Vila-real, Castelló',
          },
        },
      ],
    },
    202,
  ], // 1812
  [
    'POST',
    '/api/rest/whatsapp',
    {
      templateId: 123,
      from: '34666777555',
      messages: [{ to: '34666555444', bodyFields: ['auth_code'] }],
    },
    202,
  ], // 1828
  ['GET', '/api/rest/whatsapp/conversations', undefined, 200], // 1841
  ['GET', '/api/rest/whatsapp/conversations/34666777555/34666555444', undefined, 200], // 1989
  ['GET', '/api/rest/whatsapp/conversations/34666777555/34666555444/messages', undefined, 200], // 2112
  [
    'POST',
    '/api/rest/whatsapp/conversations/34666777555/34666555444/messages',
    { content: 'Message content' },
    201,
  ], // 2257
  ['GET', '/api/rest/scheduled', undefined, 200], // 2382
  ['PUT', '/api/rest/scheduled', { guid: [100, 101], scheduleDate: '20171011093000' }, 200], // 2548
  ['GET', '/api/rest/campaigns', undefined, 200], // 2819
  ['GET', '/api/rest/contacts?include=customFields,groups', undefined, 200], // 3060
  ['GET', '/api/rest/contacts/1?include=customFields,groups', undefined, 200], // 3221
  [
    'POST',
    '/api/rest/contacts',
    {
      email: 'new.contact@example.com',
      phone: '3466666666',
      countryIso: 'ES',
      groupsNames: ['My contact list'],
      customFields: [{ key: 'company', value: 'ACME inc.' }],
    },
    201,
  ], // 3354
  [
    'PUT',
    '/api/rest/contacts/1',
    {
      email: 'new.contact@example.com',
      phone: '3466666666',
      countryIso: 'ES',
      groupsNames: ['My contact list'],
      customFields: [{ key: 'company', value: 'ACME inc.' }],
    },
    200,
  ], // 3569
  ['GET', '/api/rest/groups', undefined, 200], // 3882
  ['GET', '/api/rest/groups/1', undefined, 200], // 4006
  ['POST', '/api/rest/groups', { name: 'My new contact list' }, 201], // 4109
  ['GET', '/api/rest/v2/blacklist/sms', undefined, 200], // 5126
  ['PUT', '/api/rest/v2/blacklist/sms', { recipient: '99000000000' }, 200], // 5265
  ['GET', '/api/rest/sendings/1/reports/events', undefined, 200], // 8472
  ['GET', '/api/rest/account', undefined, 200], // 9082
  ['GET', '/api/rest/sms/coverage', undefined, 200], // 9181
  ['GET', '/api/rest/sms/coverageByCountry', undefined, 200], // 9314
  ['DELETE', '/api/rest/contacts/1', undefined, 204], // 3784
  ['DELETE', '/api/rest/groups/1', undefined, 204], // 4377
  ['DELETE', '/api/rest/v2/blacklist/sms', { recipient: '99000000000' }, 204], // 5402
];

describe('seed 003 request examples', () => {
  it.each(examples)('%s %s', async (method, path, body, status) => {
    const res = await nrs(t.sb, method, path, body === undefined ? {} : { body });
    expect(res.status).toBe(status);
  });

  it('DELETE /api/rest/scheduled (line 2687), on demo data where 100 and 101 are still scheduled', async () => {
    const own = await startTestSandbox();
    try {
      const res = await nrs(own.sb, 'DELETE', '/api/rest/scheduled', {
        body: { guid: [100, 101] },
      });
      expect(res.json).toEqual({ result: true, deleted: 2 });
      // Once gone (or sent), the same GUIDs are the table's 120 "Invalid GUID".
      const again = await nrs(own.sb, 'DELETE', '/api/rest/scheduled', {
        body: { guid: [100, 101] },
      });
      expect(again.json).toEqual({ error: { code: 120, description: 'Invalid GUID' } });
    } finally {
      await own.sb.close();
    }
  });

  it('follows the links the campaign listing gives', async () => {
    const list = (await nrs(t.sb, 'GET', '/api/rest/campaigns?name=My campaign')).json.data;
    const base = t.sb.apis.nrs.baseUrl;
    const rel = (url: string) => url.slice(base.length);
    const campaign = await nrs(t.sb, 'GET', rel(list[0].links.self));
    expect(campaign.json.data.name).toBe('My campaign');
    const sendings = await nrs(t.sb, 'GET', rel(list[0].links.sendings));
    expect(sendings.json.data[0].id).toBe(1);
    const sending = await nrs(t.sb, 'GET', rel(sendings.json.data[0].links.self));
    expect(sending.json.data.events).toMatchObject({ sent: 2, delivered: 2 });
    const report = await nrs(t.sb, 'GET', rel(sending.json.data.links.eventsReport));
    expect(report.text.trimEnd().split('\n')).toHaveLength(5);
  });
});
