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
  'outbox.status': {},
  'outbox.list': { limit: 10 },
  'outbox.send': { accountId: 1, to: '+34666555444', from: 'OUTPOST', text: 'Smoke test' },
  'outbox.retry': { id: 1 },
  'outbox.cancel': { id: 1 },
  'contacts.search': { query: 'mar' },
  'contacts.sync': { accountId: 1 },
  'settings.get': {},
  'settings.set': { language: 'es', theme: 'dark' },
};
