import type { ActionStore } from './action/store';
import type { AddressBookStore } from './addressbook/store';
import { drawOutcome } from './context';
import { type DemoPerson, demoPeople } from './demo-people';
import type { SmsRecord } from './nrs/messages';
import type { NrsContact } from './nrs/model';
import type { NrsStore } from './nrs/store';
import type { Rng } from './prng';
import type { TagsStore } from './tags/store';

/**
 * Demo data, seeded, including every identifier the seeds' own request examples use
 * so each example works as written: nrs contact 1 and group 1, campaign "My campaign"
 * with sending 1, message XXXXXXXXXXXXX, scheduled guids 100-102 of sending 123,
 * blacklisted 99000000000, WhatsApp sender 34666777555 / template 123 / conversation
 * with 34666555444; address book 1 and contacts 1, 1234, 123456; action contacts
 * 0 and 10, "juan pedro", automation 10.
 */
export const DEMO_PEOPLE = 300;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function loadDemoData(
  rng: Rng,
  stores: { nrs: NrsStore; action: ActionStore; addressbook: AddressBookStore; tags: TagsStore },
): void {
  const people = demoPeople(rng, DEMO_PEOPLE);
  loadNrs(stores.nrs, people);
  loadAction(stores.action, people);
  loadAddressBook(stores.addressbook, people);
  loadTags(stores.tags, people);
}

function loadNrs(store: NrsStore, people: DemoPerson[]): void {
  const now = store.ctx.clock.now();
  const groups = ['My contact list', 'VIP customers', 'Newsletter'];
  for (const [i, name] of groups.entries()) store.putGroup({ id: i + 1, name });
  const created = Date.UTC(2018, 2, 13, 14, 32, 25);
  store.putContact({
    id: 1,
    email: 'email@example.com',
    phone: '34666666666',
    countryIso: 'ES',
    landline: '900222222',
    name: 'Name',
    surname: 'Last name',
    externalId: null,
    createdAt: created,
    updatedAt: Date.UTC(2018, 6, 4, 13, 57, 9),
    customFields: [{ key: 'color', type: 'string', value: 'green' }],
    groupIds: [1],
  });
  store.putContact({
    ...nrsContact(people[0] as DemoPerson, 2, created),
    email: 'email@example.com',
    phone: '34666555444',
    name: 'First',
    surname: 'Last',
    customFields: [{ key: 'color', type: 'string', value: 'blue' }],
  });
  for (const [i, p] of people.entries())
    store.putContact(nrsContact(p, i + 3, now - (i + 1) * HOUR));
  store.blacklist.sms.push({
    type: 'sms',
    recipient: '99000000000',
    isDefinitive: false,
    sendingId: 123,
    campaignName: 'TEST_CAMPAIGN',
    createdAt: Date.UTC(2020, 0, 1),
  });
  seedCampaigns(store, people, now);
  seedWhatsApp(store, people, now);
}

function nrsContact(p: DemoPerson, id: number, at: number): NrsContact {
  return {
    id,
    email: p.email,
    phone: p.phone,
    countryIso: p.countryIso,
    landline: null,
    name: p.firstName,
    surname: p.lastName,
    externalId: `EXT${id}`,
    createdAt: at,
    updatedAt: at,
    customFields: [
      { key: 'color', type: 'string', value: p.color },
      { key: 'city', type: 'string', value: p.city },
      { key: 'points', type: 'decimal', value: String(p.points) },
      { key: 'birthday', type: 'date', value: p.birthday },
    ],
    groupIds: [p.group + 1],
  };
}

function seedCampaigns(store: NrsStore, people: DemoPerson[], now: number): void {
  const old = Date.UTC(2018, 11, 27, 11, 31, 16);
  addCampaign(store, 1, 'My campaign', 1, old, [
    { id: 'XXXXXXXXXXXXX', to: '34666555444', from: 'SAMPLE', text: 'SMS text message' },
    { id: store.messageId(), to: '34666666666', from: 'SAMPLE', text: 'SMS text message' },
  ]);
  const scheduled = now + 30 * DAY;
  addCampaign(store, 456, 'TEST_CAMPAIGN', 123, now - DAY, [
    {
      id: '100',
      to: '34666555444',
      from: 'SAMPLE',
      text: 'This is a test',
      scheduledAt: scheduled,
    },
    {
      id: '101',
      to: '34666666666',
      from: 'SAMPLE',
      text: 'This is a test',
      scheduledAt: scheduled,
    },
    {
      id: '102',
      to: '34666555333',
      from: 'SAMPLE',
      text: 'This is a test',
      scheduledAt: scheduled,
    },
  ]);
  const spring = people.slice(0, 40).map((p) => ({
    id: store.messageId(),
    to: p.phone,
    from: 'Outpost',
    text: `Hi ${p.firstName}, spring sale: 20% off this week.`,
  }));
  addCampaign(store, 1001, 'PROMO_2026_SPRING', 2001, now - 3 * DAY, spring);
  const reminders = people.slice(40, 60).map((p) => ({
    id: store.messageId(),
    to: p.phone,
    from: 'Outpost',
    text: `${p.firstName}, your appointment is tomorrow at 10:00.`,
  }));
  addCampaign(store, 1002, 'REMINDERS_2026_W47', 2002, now - 2 * HOUR, reminders);
}

interface DemoSms {
  id: string;
  to: string;
  from: string;
  text: string;
  scheduledAt?: number;
}

function addCampaign(
  store: NrsStore,
  campaignId: number,
  name: string,
  sendingId: number,
  at: number,
  sms: DemoSms[],
) {
  store.campaigns.set(campaignId, {
    id: campaignId,
    name,
    createdAt: at,
    updatedAt: at,
    sendingIds: [sendingId],
  });
  store.sendings.set(sendingId, {
    id: sendingId,
    campaignId,
    campaignName: name,
    tags: [],
    createdAt: at,
    updatedAt: at,
    messageIds: sms.map((s) => s.id),
  });
  for (const s of sms) {
    const contact = store.contactByPhone(s.to);
    const rec: SmsRecord = {
      id: s.id,
      from: s.from,
      to: s.to,
      message: s.text,
      encoding: 'gsm',
      parts: 1,
      campaignId,
      campaignName: name,
      sendingId,
      acceptedAt: at,
      scheduledAt: s.scheduledAt ?? null,
      expiresAt: null,
      // The seed's own examples are delivered; the rest get the configured mix.
      outcome: campaignId === 1 ? 'DELIVRD' : drawOutcome(store.ctx),
      customFields: contact?.name ? { name: contact.name } : {},
      contactId: contact?.id ?? null,
      deletedAt: null,
      updatedAt: null,
    };
    store.messages.set(rec.id, rec);
  }
}

function seedWhatsApp(store: NrsStore, people: DemoPerson[], now: number): void {
  store.waSenders.add('34666777555');
  store.templates.set(123, {
    id: 123,
    name: 'order_update',
    content: 'Hello {{1}}, your order {{2}} is on its way.',
  });
  store.templates.set(124, { id: 124, name: 'auth_code', content: 'Your code is {{1}}.' });
  const wa = (id: string, inbound: boolean, msisdn: string, content: string, at: number) => ({
    id,
    type: inbound ? ('text' as const) : ('template' as const),
    msisdn,
    content,
    reactions: inbound ? [] : ['👍'],
    sentAt: at,
    readAfterMs: inbound ? null : 60_000,
    inbound,
  });
  store.conversations.push({
    from: '34666777555',
    to: '34666555444',
    createdAt: now - 2 * HOUR,
    contact: {
      msisdn: '34666555444',
      firstName: 'First',
      lastName: 'Last',
      email: 'email@example.com',
      interest: 'Interest example',
      comment: 'Comment example',
      country: 'ES',
    },
    messages: [
      wa(
        'a8249e62-55a8-4f17-bf6c-c7ad2d844374',
        false,
        '34666777555',
        'Template content',
        now - 2 * HOUR,
      ),
      wa('f564433e-7cd1-47fa-af98-1bd632411b26', true, '34666555444', 'User response', now - HOUR),
    ],
  });
  people.slice(0, 4).forEach((p, i) => {
    const start = now - (i + 1) * 5 * HOUR;
    store.conversations.push({
      from: '34666777555',
      to: p.phone,
      createdAt: start,
      contact: {
        msisdn: p.phone,
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        interest: '',
        comment: '',
        country: p.countryIso,
      },
      messages: [
        wa(
          `00000000-0000-4000-8000-00000000010${i}`,
          false,
          '34666777555',
          `Hello ${p.firstName}, your order is on its way.`,
          start,
        ),
        wa(
          `00000000-0000-4000-8000-00000000020${i}`,
          true,
          p.phone,
          i % 2 === 0 ? 'Thanks!' : 'When will it arrive?',
          start + HOUR,
        ),
      ],
    });
  });
}

function loadAction(store: ActionStore, people: DemoPerson[]): void {
  const base = { Custom: {}, Opportunitie: false, automations: [] as number[] };
  store.put({
    ...base,
    idContact: 0,
    Number: '+526600000000',
    Email: 'exaple@example.com',
    Fname: 'Example',
    Lname: 'Contact',
  });
  store.put({
    ...base,
    idContact: 10,
    Number: '+16193596440',
    Email: 'exaple@example.com',
    Fname: 'firtsName',
    Lname: 'lastName',
  });
  store.put({
    ...base,
    idContact: 11,
    Number: '+526643596440',
    Email: 'juan.pedro@example.com',
    Fname: 'juan',
    Lname: 'pedro',
  });
  for (const [i, p] of people.slice(0, 60).entries()) {
    store.put({
      ...base,
      idContact: 100 + i,
      Number: `+${p.phone}`,
      Email: p.email,
      Fname: p.firstName,
      Lname: p.lastName,
      Custom: { '1': p.city },
    });
  }
  store.automations.set(10, { id: 10, on: true, nodes: 3 });
  store.automations.set(11, { id: 11, on: false, nodes: 2 });
}

function loadAddressBook(store: AddressBookStore, people: DemoPerson[]): void {
  for (const [i, name] of ['My address book', 'Customers', 'Suppliers'].entries()) {
    store.books.set(i + 1, name);
  }
  const blank = { custom_1: null, custom_2: null, custom_3: null, custom_4: null };
  store.put({
    id: 1,
    group_id: 1,
    first_name: 'John',
    last_name: 'Doe',
    company: 'ABC Inc.',
    phone_number: '1234567890',
    custom_1: 'Custom Data 1',
    custom_2: 'Custom Data 2',
    custom_3: 'Custom Data 3',
    custom_4: 'Custom Data 4',
  });
  store.put({
    ...blank,
    id: 1234,
    group_id: 1,
    first_name: 'Jim',
    last_name: 'Beam',
    company: null,
    phone_number: '0412345679',
  });
  store.put({
    ...blank,
    id: 123456,
    group_id: 1,
    first_name: 'John',
    last_name: 'Doe',
    company: null,
    phone_number: '0412345678',
  });
  for (const [i, p] of people.slice(0, 120).entries()) {
    store.put({
      ...blank,
      id: 10_000 + i,
      group_id: p.group + 1,
      first_name: p.firstName,
      last_name: p.lastName,
      company: p.company,
      phone_number: p.phone,
      custom_1: p.city,
    });
  }
}

function loadTags(store: TagsStore, people: DemoPerson[]): void {
  const locations: Record<string, string> = {
    ES: 'loc_madrid',
    PT: 'loc_lisboa',
    GB: 'loc_london',
  };
  store.locations.set('loc_madrid', 'Madrid store');
  store.locations.set('loc_lisboa', 'Lisboa store');
  store.locations.set('loc_london', 'London store');
  people.slice(0, 150).forEach((p, i) => {
    const locationId = locations[p.countryIso] as string;
    const id = `ct_demo_${String(i + 1).padStart(4, '0')}`;
    store.contacts.set(id, {
      id,
      name: `${p.firstName} ${p.lastName}`,
      phoneNumber: `+${p.phone}`,
      location: { id: locationId, title: store.locations.get(locationId) ?? '' },
      stage: i % 5 === 0 ? 'Lead' : 'Subscriber',
      notes: i % 7 === 0 ? 'Prefers WhatsApp' : '',
      customFields: { city: p.city, points: p.points },
      tags: p.tags,
    });
    // Those who prefer WhatsApp are reachable there too; every third one has opted out of SMS.
    const channels = [
      ...(i % 3 === 2 ? [] : ['sms']),
      ...(i % 7 === 0 ? ['whatsapp'] : []),
      ...(i % 4 === 0 ? ['email'] : []),
    ];
    store.channels.set(id, channels);
  });
}
