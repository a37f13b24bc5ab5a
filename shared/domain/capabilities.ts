/**
 * What an account's provider can do. The UI and the outbox ask
 * `capabilities.contactsList` rather than checking provider names.
 */
export const CAPABILITIES = [
  'sendSms',
  'batchSend',
  'mergeFields',
  'scheduleSend',
  'deliveryStatus',
  'campaigns',
  'sendingReport',
  /** Find out what a batch whose answer was lost actually did (by campaign name). */
  'reconcile',
  'contactsList',
  'contactsSearch',
  'contactsRead',
  'contactsWrite',
  'contactsDelete',
  'books',
  'moveBetweenBooks',
  /** A contact is in several books at once, and can join one while keeping the others (360nrs groups). */
  'severalBooks',
  'tags',
  'customFields',
  'blacklist',
  'conversations',
  'scheduledMessages',
  'accountInfo',
  'coverage',
  'voiceCall',
  'automation',
] as const;

export type Capability = (typeof CAPABILITIES)[number];
export type Capabilities = Readonly<Record<Capability, boolean>>;

export type ProviderKind = 'nrs' | 'action' | 'addressbook' | 'tags';

/** Builds a full capability record from the list of what is supported. */
export function capabilities(supported: readonly Capability[]): Capabilities {
  const out = {} as Record<Capability, boolean>;
  for (const c of CAPABILITIES) out[c] = supported.includes(c);
  return out;
}
