import type { EventPayload } from '../../../shared/ipc/events';
import { useAccounts } from '../features/accounts/store';
import { useBulk } from '../features/bulk/store';
import { useContactsImport } from '../features/contacts/import/store';
import { useContacts } from '../features/contacts/store';
import { useConversations } from '../features/conversations/store';
import { useJobs } from '../features/jobs/store';
import { useOutbox } from '../features/outbox/store';
import { useReports } from '../features/reports/store';
import { useSuppressions } from '../features/suppressions/store';
import type { OutpostWindowApi } from '../lib/outpost';
import { useNav, type ViewId } from './nav-store';

/** Where the app menu's and a notification's targets open; importing contacts starts from Contacts. */
const MENU_TARGETS: Record<EventPayload<'app.navigate'>['view'], ViewId> = {
  compose: 'compose',
  outbox: 'outbox',
  settings: 'settings',
  conversations: 'conversations',
  bulk: 'bulk',
  jobs: 'jobs',
  import: 'contacts',
};

/**
 * The ONE place the renderer listens to what the core pushes. Each event goes
 * to the store it concerns: either it carries the change (an account paused,
 * outbox counts) or it is a hint after which a store that is being shown
 * fetches once more (coalesced: a burst costs at most two fetches). Nothing
 * here asks on a timer, so an idle app makes no calls at all.
 * Returns the function that removes every listener (used on hot reload and in tests).
 */
export function subscribeToCore(api: OutpostWindowApi): () => void {
  if (typeof api.on !== 'function') return () => {};
  const outbox = () => useOutbox.getState();
  const conversations = () => useConversations.getState();
  const accounts = () => useAccounts.getState();
  const contacts = () => useContacts.getState();
  const reports = () => useReports.getState();

  const offs = [
    api.on('outbox.changed', (event) => {
      outbox().applyChanged(event);
      conversations().refreshIfWatched();
      reports().refreshIfWatched();
    }),
    api.on('delivery.updated', () => {
      outbox().refreshIfWatched();
      conversations().refreshIfWatched();
      reports().refreshIfWatched();
    }),
    api.on('messages.failed', () => outbox().refreshIfWatched()),
    api.on('inbound.message', () => conversations().refreshIfWatched()),
    api.on('conversations.changed', () => conversations().refreshIfWatched()),
    api.on('suppressions.changed', () => {
      useSuppressions.getState().refreshIfWatched();
      conversations().refreshIfWatched();
    }),
    api.on('account.paused', (event) => accounts().applyPaused(event)),
    api.on('account.resumed', (event) => accounts().applyResumed(event)),
    api.on('accounts.changed', () => void accounts().load()),
    api.on('contacts.changed', () => contacts().refreshIfWatched()),
    api.on('app.navigate', (event) => {
      // A finished job's notification opens that job's page.
      if (event.view === 'jobs') useJobs.getState().open(event.jobId ?? null);
      // "Import contacts…" opens the dialog too, once Contacts has its account (also when already shown).
      if (event.view === 'import') useContactsImport.getState().request();
      useNav.getState().go(MENU_TARGETS[event.view]);
    }),
    api.on('bulk.progress', (event) => useBulk.getState().applyProgress(event)),
    api.on('contactsImport.progress', (event) => useContactsImport.getState().applyProgress(event)),
    api.on('job.progress', (event) => {
      useBulk.getState().applyJob(event);
      useJobs.getState().applyProgress(event);
    }),
    api.on('job.finished', (event) => useBulk.getState().applyJobFinished(event)),
    api.on('sync.state', (event) => {
      contacts().applySyncState(event);
      if (event.phase === 'finished') contacts().refreshIfWatched();
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
