import { type ComponentType, lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts } from '../features/accounts/store';
import { ComposeView } from '../features/compose/ComposeView';
import { selectAttentionCount, useOutbox } from '../features/outbox/store';
import { useQuickSearch } from '../features/search/store';
import { loadToastList, Toasts } from '../ui/Toasts';
import { preloadWhenIdle } from './idle-preload';
import { type LazyView, lazyView } from './lazy-view';
import { useNav, VIEWS, type ViewId } from './nav-store';
import { shortcutLabel } from './shortcuts';

// Compose is the start view and comes with the app; every other view loads its
// code and its i18n namespaces when first opened (or once the start view is
// up, see below). The namespaces listed are every one the view's own
// components use (Contacts shows the bulk wizard's file step).
const LAZY: Partial<Record<ViewId, LazyView>> = {
  outbox: lazyView(() => import('../features/outbox/OutboxView'), 'OutboxView', ['outbox']),
  conversations: lazyView(
    () => import('../features/conversations/ConversationsView'),
    'ConversationsView',
    ['conversations', 'suppressions'],
  ),
  contacts: lazyView(() => import('../features/contacts/ContactsView'), 'ContactsView', [
    'contacts',
    'contactsImport',
    'bulk',
  ]),
  bulk: lazyView(() => import('../features/bulk/BulkView'), 'BulkView', ['bulk']),
  jobs: lazyView(() => import('../features/jobs/JobsView'), 'JobsView', ['jobs']),
  reports: lazyView(() => import('../features/reports/ReportsView'), 'ReportsView', ['reports']),
  settings: lazyView(() => import('../features/settings/SettingsView'), 'SettingsView', [
    'settings',
  ]),
};

/** Ctrl/Cmd+K's dialog: its code (and the contact list's helpers it shares) arrives on first use. */
const loadQuickSearch = () => import('../features/search/QuickSearch');
const QuickSearch = lazy(() =>
  Promise.all([loadQuickSearch(), import('../ui/AriaLocale')]).then(([m, locale]) => ({
    default: locale.withAriaLocale(m.QuickSearch),
  })),
);

function panelOf(view: ViewId): ComponentType {
  return LAZY[view]?.Component ?? ComposeView;
}

/**
 * Once the start view has its accounts (it is interactive), fetch the other
 * views one by one in idle moments, in sidebar order, so switching never waits.
 * First the toasts' code, which no first frame shows, so the first toast does
 * not wait for it.
 */
function usePreloadViews() {
  const ready = useAccounts((s) => s.loaded || s.error !== null);
  useEffect(() => {
    if (!ready) return;
    const views = Object.values(LAZY).map((view) => view.preload);
    return preloadWhenIdle([loadToastList, ...views, loadQuickSearch]);
  }, [ready]);
}

/** The quick search mounts the first time it is opened and stays (its closing animation needs it). */
function useQuickSearchWanted(): boolean {
  const open = useQuickSearch((s) => s.open);
  const wanted = useRef(false);
  if (open) wanted.current = true;
  return wanted.current;
}

/** The sidebar, the current view, the quick search and the toasts. */
export function Shell() {
  const { t } = useTranslation();
  const { view, go } = useNav();
  const attention = useOutbox(selectAttentionCount);
  const Panel = panelOf(view);
  const quickSearch = useQuickSearchWanted();
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
      {quickSearch ? (
        <Suspense fallback={null}>
          <QuickSearch />
        </Suspense>
      ) : null}
      <Toasts closeLabel={t('toast.close')} regionLabel={t('toast.region')} />
    </div>
  );
}
