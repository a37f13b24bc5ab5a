import type { CoreContext } from '../context';
import { accountSettingsHandlers } from './account-settings-handlers';
import { accountsHandlers } from './accounts-handlers';
import { appHandlers } from './app-handlers';
import { backupsHandlers } from './backups-handlers';
import { bulkHandlers } from './bulk-handlers';
import { composeHandlers } from './compose-handlers';
import { contactsHandlers } from './contacts-handlers';
import { contactsImportHandlers } from './contacts-import-handlers';
import { contactsManageHandlers } from './contacts-manage-handlers';
import { dbHandlers } from './db-handlers';
import { draftsHandlers } from './drafts-handlers';
import { filesHandlers } from './files-handlers';
import type { HandlerTable } from './handler-table';
import { inboxHandlers } from './inbox-handlers';
import { jobsHandlers } from './jobs-handlers';
import { outboxHandlers } from './outbox-handlers';
import { reportsHandlers } from './reports-handlers';
import { settingsHandlers } from './settings-handlers';
import { suppressionsHandlers } from './suppressions-handlers';
import { vaultHandlers } from './vault-handlers';

/**
 * The one handler table, assembled from per-domain modules. `satisfies` makes
 * a channel added to the contract without a handler a type error here.
 */
export function createHandlers(core: CoreContext): HandlerTable {
  return {
    ...appHandlers(core),
    ...dbHandlers(core),
    ...accountsHandlers(core),
    ...accountSettingsHandlers(core),
    ...outboxHandlers(core),
    ...contactsHandlers(core),
    ...contactsManageHandlers(core),
    // Contacts import from CSV into a book (issue 11).
    ...contactsImportHandlers(core),
    ...backupsHandlers(core),
    ...vaultHandlers(core),
    ...settingsHandlers(core),
    ...suppressionsHandlers(core),
    ...composeHandlers(core),
    ...draftsHandlers(core),
    ...filesHandlers(core),
    ...bulkHandlers(core),
    ...jobsHandlers(core),
    ...reportsHandlers(core),
    ...inboxHandlers(core),
  } satisfies HandlerTable;
}
