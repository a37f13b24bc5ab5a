import type { EventPayload } from '../../../shared/ipc/events';
import { useAccounts } from '../features/accounts/store';
import { useOutbox } from '../features/outbox/store';
import type { OutpostWindowApi } from '../lib/outpost';
import { type LaterStore, laterStore } from './later-store';
import { useNav, type ViewId } from './nav-store';

// The stores of views that load on demand stay out of the start bundle (the
// bulk and import stores would bring the file upload with them); the accounts
// and the outbox counts are shown from the first frame, so they come with it.
const bulk = laterStore(() => import('../features/bulk/store'));
const contactsImport = laterStore(() => import('../features/contacts/import/store'));
const contactsStore = laterStore(() => import('../features/contacts/store'));
const conversationsStore = laterStore(() => import('../features/conversations/store'));
const jobs = laterStore(() => import('../features/jobs/store'));
const reportsStore = laterStore(() => import('../features/reports/store'));
const suppressions = laterStore(() => import('../features/suppressions/store'));

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
  // A delivery still waiting for its store's module when the listeners are removed is dropped.
  let subscribed = true;
  const when =
    <M>(store: LaterStore<M>) =>
    (deliver: (module: M) => void) =>
      store.use((module) => {
        if (subscribed) deliver(module);
      });
  const outbox = () => useOutbox.getState();
  const accounts = () => useAccounts.getState();
  const refreshConversations = () =>
    when(conversationsStore)((m) => m.useConversations.getState().refreshIfWatched());
  const refreshReports = () =>
    when(reportsStore)((m) => m.useReports.getState().refreshIfWatched());
  const refreshContacts = () =>
    when(contactsStore)((m) => m.useContacts.getState().refreshIfWatched());

  const offs = [
    api.on('outbox.changed', (event) => {
      outbox().applyChanged(event);
      refreshConversations();
      refreshReports();
    }),
    api.on('delivery.updated', () => {
      outbox().refreshIfWatched();
      refreshConversations();
      refreshReports();
    }),
    api.on('messages.failed', () => outbox().refreshIfWatched()),
    api.on('inbound.message', () => refreshConversations()),
    api.on('conversations.changed', () => refreshConversations()),
    api.on('suppressions.changed', () => {
      when(suppressions)((m) => m.useSuppressions.getState().refreshIfWatched());
      refreshConversations();
    }),
    api.on('account.paused', (event) => accounts().applyPaused(event)),
    api.on('account.resumed', (event) => accounts().applyResumed(event)),
    api.on('accounts.changed', () => void accounts().load()),
    api.on('contacts.changed', () => refreshContacts()),
    api.on('app.navigate', (event) => {
      const go = () => useNav.getState().go(MENU_TARGETS[event.view]);
      // A finished job's notification opens that job's page: the page is chosen before the view shows.
      if (event.view === 'jobs')
        when(jobs)((m) => {
          m.useJobs.getState().open(event.jobId ?? null);
          go();
        });
      // "Import contacts…" opens the dialog too, once Contacts has its account (also when already shown).
      else if (event.view === 'import')
        when(contactsImport)((m) => {
          m.useContactsImport.getState().request();
          go();
        });
      else go();
    }),
    api.on('bulk.progress', (event) =>
      when(bulk)((m) => m.useBulk.getState().applyProgress(event)),
    ),
    api.on('contactsImport.progress', (event) =>
      when(contactsImport)((m) => m.useContactsImport.getState().applyProgress(event)),
    ),
    api.on('job.progress', (event) => {
      when(bulk)((m) => m.useBulk.getState().applyJob(event));
      when(jobs)((m) => m.useJobs.getState().applyProgress(event));
    }),
    api.on('job.finished', (event) =>
      when(bulk)((m) => m.useBulk.getState().applyJobFinished(event)),
    ),
    api.on('sync.state', (event) =>
      when(contactsStore)((m) => {
        const contacts = m.useContacts.getState();
        contacts.applySyncState(event);
        if (event.phase === 'finished') contacts.refreshIfWatched();
      }),
    ),
  ];
  return () => {
    subscribed = false;
    for (const off of offs) off();
  };
}
