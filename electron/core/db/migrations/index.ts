import { m001Initial } from './001-initial';
import { m002Contacts } from './002-contacts';
import { m003Outbox } from './003-outbox';
import { m004Sync } from './004-sync';
import { m005ProviderScheduling } from './005-provider-scheduling';
import { m006ProviderFidelity } from './006-provider-fidelity';
import { m007Preferences } from './007-preferences';
import { m008ContactManagement } from './008-contact-management';
import { m009ComposeDrafts } from './009-compose-drafts';
import { m010LeanMessages } from './010-lean-messages';
import { m011Reports } from './011-reports';
import { m012Inbox } from './012-inbox';
import { m013OneRecipientIndex } from './013-one-recipient-index';
import { m014LeanEnqueueChecks } from './014-enqueue-checks';
import { m015NoStatementJournal } from './015-deferred-outbox-keys';
import { m016ExpiryIndex } from './016-expiry-index';

export interface Migration {
  version: number;
  name: string;
  /** Plain SQL, run inside the migration transaction. */
  sql: string;
}

/** Append-only: a released migration is never edited, a change is a new number. */
export const migrations: readonly Migration[] = [
  m001Initial,
  m002Contacts,
  m003Outbox,
  m004Sync,
  m005ProviderScheduling,
  m006ProviderFidelity,
  m007Preferences,
  m008ContactManagement,
  m009ComposeDrafts,
  m010LeanMessages,
  m011Reports,
  m012Inbox,
  m013OneRecipientIndex,
  m014LeanEnqueueChecks,
  m015NoStatementJournal,
  m016ExpiryIndex,
];

export const LATEST_SCHEMA_VERSION = migrations.length;
