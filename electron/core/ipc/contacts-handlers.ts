import type { CoreContext } from '../context';
import { countContacts, searchContacts, syncContacts } from '../sync';
import type { HandlersFor } from './handler-table';

export function contactsHandlers(
  core: CoreContext,
): HandlersFor<'contacts.search' | 'contacts.sync'> {
  return {
    'contacts.search': ({ query, limit }) => ({
      total: countContacts(core.db),
      contacts: searchContacts(core.db, query, { limit }).map((c) => ({
        id: c.id,
        accountId: c.accountId,
        phone: c.phone,
        firstName: c.firstName,
        lastName: c.lastName,
        email: c.email,
        tags: c.tags,
        pending: c.pending,
        hasConflict: c.hasConflict,
      })),
    }),
    'contacts.sync': async ({ accountId }) => {
      try {
        const report = await syncContacts(core.db, accountId, core.adapters.get(accountId));
        if (report.push.stopped) return { ok: false, message: report.push.stopped.message };
        if (report.pull && !report.pull.supported) {
          return { ok: false, message: 'This provider offers no way to list contacts.' };
        }
        return {
          ok: true,
          contacts: report.pull?.contacts ?? 0,
          pushed: report.push.pushed,
          conflicts: report.push.conflicts + (report.pull?.conflicts ?? 0),
        };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
