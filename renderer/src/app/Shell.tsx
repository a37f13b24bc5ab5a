import { useTranslation } from 'react-i18next';
import { BulkView } from '../features/bulk/BulkView';
import { ComposeView } from '../features/compose/ComposeView';
import { ContactsView } from '../features/contacts/ContactsView';
import { ConversationsView } from '../features/conversations/ConversationsView';
import { JobsView } from '../features/jobs/JobsView';
import { OutboxView } from '../features/outbox/OutboxView';
import { selectAttentionCount, useOutbox } from '../features/outbox/store';
import { QuickSearch } from '../features/search/QuickSearch';
import { SettingsView } from '../features/settings/SettingsView';
import { Toasts } from '../ui/Toasts';
import { useNav, VIEWS } from './nav-store';
import { shortcutLabel } from './shortcuts';

const PANELS = {
  compose: ComposeView,
  outbox: OutboxView,
  conversations: ConversationsView,
  contacts: ContactsView,
  bulk: BulkView,
  jobs: JobsView,
  settings: SettingsView,
} as const;

/** The sidebar, the current view, the quick search and the toasts. */
export function Shell() {
  const { t } = useTranslation();
  const { view, go } = useNav();
  const attention = useOutbox(selectAttentionCount);
  const Panel = PANELS[view];
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
        <Panel />
      </main>
      <QuickSearch />
      <Toasts closeLabel={t('toast.close')} regionLabel={t('toast.region')} />
    </div>
  );
}
