import { useEffect, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { Trans, useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../shared/ipc/schemas/accounts';
import { translateCoreSentence } from '../../i18n/core-sentences';
import { useProblemText } from '../../i18n/use-problem-text';
import { formatDateTime } from '../../lib/format';
import { isolate } from '../../lib/isolate';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Section } from '../../ui/Section';
import { showToast } from '../../ui/toast-queue';
import { ViewHeader } from '../../ui/ViewHeader';
import { useAccounts } from '../accounts/store';
import { AboutPanel } from './components/AboutPanel';
import { AccountExtrasPanel } from './components/AccountExtrasPanel';
import { AccountsTable } from './components/AccountsTable';
import { AddAccountForm } from './components/AddAccountForm';
import { BackupsSection } from './components/BackupsSection';
import { PreferencesForm } from './components/PreferencesForm';
import { VaultSection } from './components/VaultSection';
import { type BackupsList, useData } from './data-store';
import { useAccountExtras } from './extras-store';
import { useSettings } from './store';

type TabId = 'accounts' | 'preferences' | 'data' | 'about';
type Backup = BackupsList['backups'][number];

/** Accounts, preferences and what the app knows about itself, in one place. */
export function SettingsView() {
  const { t, i18n } = useTranslation('settings');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const [tab, setTab] = useState<TabId>('accounts');
  const accounts = useAccounts((s) => s.accounts);
  const { add, remove, test } = useAccounts();
  const settings = useSettings();
  const problemText = useProblemText();
  const [removing, setRemoving] = useState<AccountSummary | null>(null);
  const [testing, setTesting] = useState<number | null>(null);
  const { refreshAbout } = settings;
  const extras = useAccountExtras();
  const data = useData();
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  const { load: loadExtras } = extras;
  const { refresh: refreshData } = data;

  useEffect(() => {
    if (tab === 'accounts') void loadExtras(accounts);
  }, [tab, accounts, loadExtras]);
  useEffect(() => {
    if (tab === 'data') void refreshData();
  }, [tab, refreshData]);

  const backUpNow = async () => {
    setBackingUp(true);
    const done = await data.backUpNow();
    setBackingUp(false);
    showToast(
      done.ok
        ? t('backups.made', { date: formatDateTime(done.value.createdAt, language) })
        : problemText(done.problem),
      done.ok ? 'info' : 'error',
    );
  };
  const confirmRestore = async () => {
    const backup = restoring;
    setRestoring(null);
    if (!backup) return;
    const done = await data.restore(backup.name);
    showToast(
      done.ok ? translateCoreSentence(t, done.value.sentence) : problemText(done.problem),
      done.ok ? 'info' : 'error',
    );
  };

  useEffect(() => {
    if (tab !== 'about') return;
    void refreshAbout();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F5') {
        event.preventDefault();
        void refreshAbout();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tab, refreshAbout]);

  const runTest = async (account: AccountSummary) => {
    setTesting(account.id);
    const reply = await test(account.id).catch((e: unknown) => ({
      ok: false,
      message: e instanceof Error ? e.message : String(e),
    }));
    setTesting(null);
    showToast(
      reply.ok
        ? t('accounts.testOk', { name: isolate(account.name) })
        : t('accounts.testFailed', {
            name: isolate(account.name),
            reason: translateCoreSentence(t, reply.message ?? ''),
          }),
      reply.ok ? 'info' : 'error',
    );
  };

  const confirmRemove = async () => {
    const account = removing;
    setRemoving(null);
    if (!account) return;
    const reply = await remove(account.id);
    showToast(
      reply.ok
        ? t('accounts.removed', { name: isolate(account.name) })
        : reply.reason === 'has-messages'
          ? t('accounts.keptMessages', { name: isolate(account.name), count: reply.messages })
          : translateCoreSentence(t, reply.message),
      reply.ok ? 'info' : 'error',
    );
  };

  return (
    <div className="view">
      <ViewHeader title={t('title')} />
      <Tabs selectedKey={tab} onSelectionChange={(key) => setTab(key as TabId)} className="tabs">
        <TabList aria-label={t('tabs.label')} className="tab-list">
          <Tab id="accounts" className="tab">
            {t('tabs.accounts')}
          </Tab>
          <Tab id="preferences" className="tab">
            {t('tabs.preferences')}
          </Tab>
          <Tab id="data" className="tab">
            {t('tabs.data')}
          </Tab>
          <Tab id="about" className="tab">
            {t('tabs.about')}
          </Tab>
        </TabList>
        <TabPanel id="accounts" className="tab-panel">
          <Section title={t('accounts.title')}>
            <p className="muted">{t('accounts.intro')}</p>
            <AccountsTable
              accounts={accounts}
              testing={testing}
              onTest={(a) => void runTest(a)}
              onRemove={setRemoving}
            />
          </Section>
          <Section title={t('extras.title')} testId="account-extras">
            <AccountExtrasPanel
              accounts={accounts}
              byAccount={extras.byAccount}
              language={language}
              problemText={problemText}
              onSetBooks={extras.setBooks}
              onSetFields={extras.setFields}
            />
          </Section>
          <Section title={t('add.title')}>
            <AddAccountForm
              onAdd={add}
              onAdded={(name, checked) =>
                showToast(
                  checked
                    ? t('add.addedChecked', { name: isolate(name) })
                    : t('add.addedUnchecked', { name: isolate(name) }),
                )
              }
            />
          </Section>
        </TabPanel>
        <TabPanel id="preferences" className="tab-panel">
          <Section title={t('preferences.title')}>
            <PreferencesForm
              preferences={settings.preferences}
              language={language}
              onSave={async (patch) => {
                const result = await settings.save(patch);
                if (result.ok) {
                  showToast(t('preferences.saved'));
                  return null;
                }
                return problemText(result.problem);
              }}
            />
          </Section>
        </TabPanel>
        <TabPanel id="data" className="tab-panel">
          <div className="cards">
            <Section title={t('backups.title')}>
              {data.backups.state === 'loading' ? (
                <p className="muted">{t('about.loading')}</p>
              ) : data.backups.state === 'error' ? (
                <p role="alert" className="error">
                  {problemText(data.backups.problem)}
                </p>
              ) : (
                <BackupsSection
                  list={data.backups.value}
                  language={language}
                  busy={backingUp}
                  onBackUp={() => void backUpNow()}
                  onRestore={setRestoring}
                />
              )}
            </Section>
            <Section title={t('vault.title')}>
              {data.vault.state === 'loading' ? (
                <p className="muted">{t('about.loading')}</p>
              ) : data.vault.state === 'error' ? (
                <p role="alert" className="error">
                  {problemText(data.vault.problem)}
                </p>
              ) : (
                <VaultSection
                  status={data.vault.value}
                  onChoose={data.chooseVault}
                  problemText={problemText}
                />
              )}
            </Section>
          </div>
        </TabPanel>
        <TabPanel id="about" className="tab-panel">
          <AboutPanel
            info={settings.info}
            health={settings.health}
            language={language}
            onRefresh={() => void refreshAbout()}
            problemText={problemText}
          />
        </TabPanel>
      </Tabs>
      <ConfirmDialog
        isOpen={removing !== null}
        title={t('accounts.removeTitle')}
        confirmLabel={t('accounts.removeConfirm')}
        cancelLabel={t('accounts.keep')}
        destructive
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      >
        {removing ? (
          <p>
            <Trans
              t={t}
              i18nKey="accounts.removeBody"
              values={{ name: removing.name }}
              components={{ bdi: <bdi /> }}
            />
          </p>
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={restoring !== null}
        title={t('backups.restoreTitle')}
        confirmLabel={t('backups.restoreConfirm')}
        cancelLabel={t('backups.keepCurrent')}
        destructive
        onConfirm={() => void confirmRestore()}
        onCancel={() => setRestoring(null)}
      >
        {restoring ? (
          <p>{t('backups.restoreBody', { date: formatDateTime(restoring.createdAt, language) })}</p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
