import { type ComponentType, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ComposeView } from '../features/compose/ComposeView';
import { selectAttentionCount, useOutbox } from '../features/outbox/store';
import { QuickSearch } from '../features/search/QuickSearch';
import { Toasts } from '../ui/Toasts';
import { type LazyView, lazyView } from './lazy-view';
import { useNav, VIEWS, type ViewId } from './nav-store';
import { shortcutLabel } from './shortcuts';

// Compose is the start view and comes with the app; every other view loads its
// code when first opened (or once the start view is up, see below).
const LAZY: Partial<Record<ViewId, LazyView>> = {
  outbox: lazyView(() => import('../features/outbox/OutboxView'), 'OutboxView'),
  conversations: lazyView(
    () => import('../features/conversations/ConversationsView'),
    'ConversationsView',
  ),
  contacts: lazyView(() => import('../features/contacts/ContactsView'), 'ContactsView'),
  bulk: lazyView(() => import('../features/bulk/BulkView'), 'BulkView'),
  jobs: lazyView(() => import('../features/jobs/JobsView'), 'JobsView'),
  reports: lazyView(() => import('../features/reports/ReportsView'), 'ReportsView'),
  settings: lazyView(() => import('../features/settings/SettingsView'), 'SettingsView'),
};

function panelOf(view: ViewId): ComponentType {
  return LAZY[view]?.Component ?? ComposeView;
}

/** After the first view is up, fetch the others while the person reads it, so switching never waits. */
function usePreloadViews() {
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const view of Object.values(LAZY)) view.preload();
    }, 1_000);
    return () => clearTimeout(timer);
  }, []);
}

/** The sidebar, the current view, the quick search and the toasts. */
export function Shell() {
  const { t } = useTranslation();
  const { view, go } = useNav();
  const attention = useOutbox(selectAttentionCount);
  const Panel = panelOf(view);
  usePreloadViews();
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">{t('app.name')}</div>
        <ul>
          {VIEWS.map((id, i) => (
            <li key={id}>
              <a
                href={`#${id}`}
                aria-current={view === id ? 'page' : undefined}
                aria-keyshortcuts={`Control+${i + 1}`}
                onClick={(event) => {
                  event.preventDefault();
                  go(id);
                }}
              >
                <span>{t(`nav.${id}`)}</span>
                {id === 'outbox' && attention > 0 ? (
                  <span className="nav-count">{t('nav.attention', { count: attention })}</span>
                ) : null}
                <kbd>{shortcutLabel(String(i + 1))}</kbd>
              </a>
            </li>
          ))}
        </ul>
        <p className="sidebar-hint muted">
          {t('nav.hint', { search: shortcutLabel('K'), compose: shortcutLabel('N') })}
        </p>
      </nav>
      <main className="content">
        {/* A quiet fallback: a view's code arrives in a few milliseconds, a spinner would only flash. */}
        <Suspense fallback={<div className="view" aria-busy="true" />}>
          <Panel />
        </Suspense>
      </main>
      <QuickSearch />
      <Toasts closeLabel={t('toast.close')} regionLabel={t('toast.region')} />
    </div>
  );
}
