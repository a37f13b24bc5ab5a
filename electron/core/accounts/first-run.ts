import type { CoreContext } from '../context';
import { countContacts } from '../sync/contacts/search';
import { syncContacts } from '../sync/contacts/sync';

/**
 * A first start shows something: the embedded Sandbox account's demo
 * contacts are pulled in the background as soon as the simulator runs, so
 * the Contacts view fills by itself ('sync.state' and 'contacts.changed'
 * tell the window). Only while the account has no contacts yet: later starts
 * sync when the person asks.
 */
export function syncDemoContactsOnFirstRun(core: CoreContext, accountId: number): boolean {
  if (countContacts(core.db, accountId) > 0) return false;
  core.runInBackground(syncContacts(core.db, accountId, core.adapters.get(accountId)));
  return true;
}
