import { useDeferredValue, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../app/nav-store';
import { useProblemText } from '../../i18n/use-problem-text';
import { formatNumber, phoneForDisplay } from '../../lib/format';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ProgressBar } from '../../ui/ProgressBar';
import { SearchField } from '../../ui/SearchField';
import { Select } from '../../ui/Select';
import { ViewHeader } from '../../ui/ViewHeader';
import { useAccounts } from '../accounts/store';
import { useCompose } from '../compose/store';
import { ContactsTable } from './components/ContactsTable';
import { useContacts } from './store';

/** Contact books synced from the provider, searched locally (works offline). */
export function ContactsView() {
  const { t, i18n } = useTranslation('contacts');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const state = useContacts();
  const accounts = useAccounts((s) => s.accounts);
  const newMessage = useCompose((s) => s.newMessage);
  const go = useNav((s) => s.go);
  const problemText = useProblemText();
  // Typing stays responsive while a long result list renders.
  const contacts = useDeferredValue(state.contacts);
  const { load, stopWatching } = state;

  useEffect(() => {
    void load();
    return stopWatching;
  }, [load, stopWatching]);

  const account = accounts.find((a) => a.id === state.syncAccountId) ?? accounts[0];
  const progress = account ? state.progress[account.id] : undefined;
  const syncing = state.syncing || progress?.phase === 'started' || progress?.phase === 'progress';

  const syncButton = (
    <Button
      variant={state.total === 0 ? 'primary' : 'secondary'}
      onPress={() => account && void state.sync({ id: account.id, name: account.name })}
      isDisabled={syncing || !account}
    >
      {syncing ? t('sync.running') : t('sync.now')}
    </Button>
  );

  return (
    <div className="view">
      <ViewHeader title={t('title')}>
        {accounts.length > 1 ? (
          <Select
            label={t('sync.account')}
            labelHidden
            value={account?.id ?? null}
            onChange={state.setSyncAccount}
            options={accounts.map((a) => ({ id: a.id, label: a.name }))}
          />
        ) : null}
        {syncButton}
      </ViewHeader>
      {syncing && account ? (
        <ProgressBar
          label={t('sync.progress', { name: account.name })}
          value={progress?.done}
          max={progress?.total}
        />
      ) : null}
      {state.outcome ? (
        <p role="status" className="muted" data-testid="contacts-status">
          {problemText(state.outcome)}
        </p>
      ) : null}
      {state.loaded && state.total === 0 && state.query === '' ? (
        <EmptyState sentence={t('empty')} action={syncButton} />
      ) : (
        <>
          <SearchField
            label={t('search.label')}
            placeholder={t('search.placeholder')}
            clearLabel={t('search.clear')}
            value={state.query}
            onChange={state.setQuery}
            className="search"
          />
          <p className="muted" data-testid="contacts-count">
            {t('shown', {
              count: state.total,
              shown: formatNumber(contacts.length, language),
              total: formatNumber(state.total, language),
            })}
          </p>
          {contacts.length === 0 ? (
            <EmptyState sentence={t('noMatch')} />
          ) : (
            <ContactsTable
              contacts={contacts}
              onMessage={(c) => {
                newMessage(phoneForDisplay(c.phone), c.accountId);
                go('compose');
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
