import { getAccount } from '../accounts/repository';
import type { CoreContext } from '../context';
import { contactGroups } from '../sync/contacts/groups';
import type { HandlersFor } from './handler-table';

export function contactsManageHandlers(core: CoreContext): HandlersFor<'contacts.groups'> {
  return {
    'contacts.groups': ({ accountId }) => {
      getAccount(core.db, accountId);
      return contactGroups(core.db, accountId);
    },
  };
}
