import type { Channel, RequestOf } from '../../shared/ipc/contract';

/**
 * One valid request per channel, for the smoke test. Typed so that a channel
 * added to the contract without a sample here is a type error.
 * (Account 1 is the embedded Sandbox account the bundle creates at start.)
 */
export const sampleRequests: { [C in Channel]: RequestOf<C> } = {
  'app.info': {},
  'app.revealLogs': {},
  'app.secretStorage': {},
  'db.health': {},
  'accounts.list': {},
  // Checked against an address nothing listens on: answered as a field error, nothing saved.
  'accounts.add': {
    name: 'Main',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:9/nrs',
    username: 'u',
    secret: 's',
  },
  'accounts.pause': { accountId: 1 },
  'accounts.resume': { accountId: 1 },
  'accounts.test': { accountId: 1 },
  // No such account: answered as not found, nothing removed (account 1 is needed by the sends below).
  'accounts.remove': { accountId: 99 },
  // Account 1 is a 360nrs account: fields and books answer with a sentence, nothing saved.
  'accounts.getFields': { accountId: 1 },
  'accounts.setFields': { accountId: 1, fields: { city: '1' } },
  'accounts.getBooks': { accountId: 1 },
  'accounts.setBooks': { accountId: 1, books: [{ id: '1', name: 'Customers' }] },
  'accounts.balance': { accountId: 1, country: 'ES' },
  'outbox.status': {},
  'outbox.list': { limit: 10 },
  'outbox.send': { accountId: 1, to: '+34666555444', from: 'OUTPOST', text: 'Smoke test' },
  'outbox.retry': { id: 1 },
  'outbox.cancel': { id: 1 },
  'outbox.reschedule': { id: 1, at: 4_102_444_800_000 },
  'contacts.search': { query: 'mar' },
  'contacts.sync': { accountId: 1 },
  'backups.list': {},
  'backups.create': {},
  // The bundle starts on a fresh profile, whose first start made a daily backup.
  'backups.restore': { name: 'outpost-20261201T000000000Z-daily.sqlite' },
  'vault.status': {},
  'vault.choose': { store: 'passphrase-file', passphrase: 'smoke-test-passphrase' },
  'settings.get': {},
  'settings.set': { language: 'es', theme: 'dark' },
  'suppressions.list': {},
  'suppressions.add': { phone: '+34699000111', reason: 'smoke test' },
  'suppressions.remove': { phone: '+34699000111' },
  'inbox.threads': { search: '699' },
  'inbox.messages': { thread: 'wa:1' },
  'inbox.markRead': { thread: 'sms:1:34699000111' },
  'inbox.reply': { thread: 'wa:1', text: 'On my way' },
  'inbox.sendTemplate': { thread: 'wa:1', templateId: 123, fields: ['Ana'] },
  'inbox.retry': { id: 1 },
  'inbox.drop': { id: 1 },
  'inbox.refresh': {},
  'inbox.templates': { accountId: 1 },
  'inbox.setTemplates': { accountId: 1, templates: [] },
};
