import type { CoreContext } from '../context';
import { accountsHandlers } from './accounts-handlers';
import { appHandlers } from './app-handlers';
import { contactsHandlers } from './contacts-handlers';
import { dbHandlers } from './db-handlers';
import type { HandlerTable } from './handler-table';
import { outboxHandlers } from './outbox-handlers';
import { settingsHandlers } from './settings-handlers';

/**
 * The one handler table, assembled from per-domain modules. `satisfies` makes
 * a channel added to the contract without a handler a type error here.
 */
export function createHandlers(core: CoreContext): HandlerTable {
  return {
    ...appHandlers(core),
    ...dbHandlers(core),
    ...accountsHandlers(core),
    ...outboxHandlers(core),
    ...contactsHandlers(core),
    ...settingsHandlers(core),
  } satisfies HandlerTable;
}
