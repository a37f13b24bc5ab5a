import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useNav } from '../../app/nav-store';
import { useProblemText } from '../../i18n/use-problem-text';
import { phoneForDisplay } from '../../lib/format';
import { Button } from '../../ui/Button';
import { ProgressBar } from '../../ui/ProgressBar';
import { Select } from '../../ui/Select';
import { ViewHeader } from '../../ui/ViewHeader';
import { useAccounts } from '../accounts/store';
import { useCompose } from '../compose/store';
import { BulkBar } from './components/BulkBar';
import { ConflictDialog } from './components/ConflictDialog';
import { ContactEditor, type Detail } from './components/ContactEditor';
import { contactName } from './components/ContactsList';
import { ContactsSearch, ResultCount, ResultList } from './components/ContactsResult';
import { GroupsSidebar } from './components/GroupsSidebar';
import { UndoBar } from './components/UndoBar';
import { ImportDialog } from './import/ImportDialog';
import { useContactsImport } from './import/store';
import { type Contact, useContacts } from './store';

type Editing = { kind: 'new' } | { kind: 'edit'; detail: Detail } | null;

/**
 * The account's contacts: books and tags on the side, the list (windowed,
 * searched and sorted in the main process), add / fix / delete with Undo,
 * and actions on a selection. Edits are kept here at once and reach the
 * provider with the next sync, even after being offline.
 */
export function ContactsView() {
  const { t, i18n } = useTranslation('contacts');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const accounts = useAccounts((s) => s.accounts);
  const state = useContacts(
    useShallow((s) => ({
      accountId: s.accountId,
      filter: s.filter,
      allCount: s.allCount,
      groups: s.groups,
      abilities: s.abilities,
      selected: s.selected,
      undo: s.undo,
      notice: s.notice,
      progress: s.progress,
      syncing: s.syncing,
      outcome: s.outcome,
    })),
  );
  // Actions never change; reading them from the state object of this render is enough.
  const actions = useContacts.getState();
  const addContacts = useCompose((s) => s.addContacts);
  const defaultCountry = useCompose((s) => s.defaultCountry);
  const newMessage = useCompose((s) => s.newMessage);
  const go = useNav((s) => s.go);
  const problemText = useProblemText();
  const [editing, setEditing] = useState<Editing>(null);
  const [conflict, setConflict] = useState<Detail | null>(null);

  const account = accounts.find((a) => a.id === state.accountId) ?? accounts[0];
  const accountId = account?.id;
  useEffect(() => {
    const { load, stopWatching } = useContacts.getState();
    if (accountId !== undefined) void load(accountId);
    return stopWatching;
  }, [accountId]);

  const progress = account ? state.progress[account.id] : undefined;
  const syncing = state.syncing || progress?.phase === 'started' || progress?.phase === 'progress';
  const can = state.abilities;
  const dropUndo = useCallback(() => useContacts.getState().dropUndo(), []);
  // Imports are offered only where the provider keeps new contacts.
  const openImport = (file?: File) => {
    if (!account || !can?.create) return;
    useContactsImport.getState().open(account.id, can, state.groups, defaultCountry);
    if (file) void useContactsImport.getState().chooseFile(file);
  };

  // The app menu's "Import contacts…": honoured once this account's abilities are here.
  const importRequested = useContactsImport((s) => s.requested);
  useEffect(() => {
    if (!importRequested || !account || !can || useContacts.getState().accountId !== account.id)
      return;
    const dialog = useContactsImport.getState();
    if (dialog.takeRequest() && can.create)
      dialog.open(account.id, can, useContacts.getState().groups, defaultCountry);
  }, [importRequested, account, can, defaultCountry]);

  const open = async (c: Contact) => {
    const detail = await actions.detail(c.id);
    if (detail) setEditing({ kind: 'edit', detail });
  };
  const messageOne = (c: { phone: string; accountId: number }) => {
    newMessage(phoneForDisplay(c.phone), c.accountId);
    go('compose');
  };
  const messageMany = () => {
    addContacts([...state.selected]);
    go('compose');
  };
  const removeEditing = async (detail: Detail) => {
    setEditing(null);
    await actions.remove([detail.id]);
  };

  const syncButton = (
    <Button
      variant={state.allCount === 0 ? 'primary' : 'secondary'}
      onPress={() => account && void actions.sync({ id: account.id, name: account.name })}
      isDisabled={syncing || !account}
    >
      {syncing ? t('sync.running') : t('sync.now')}
    </Button>
  );

  return (
    <div className="view view-wide">
      <ViewHeader title={t('title')}>
        {accounts.length > 1 ? (
          <Select
            label={t('sync.account')}
            labelHidden
            value={account?.id ?? null}
            onChange={actions.setAccount}
            options={accounts.map((a) => ({ id: a.id, label: a.name }))}
          />
        ) : null}
        {can?.create ? (
          <>
            <Button onPress={() => openImport()}>{t('importButton')}</Button>
            <Button variant="primary" onPress={() => setEditing({ kind: 'new' })}>
              {t('newContact')}
            </Button>
          </>
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
      <div className="contacts-layout">
        <GroupsSidebar
          groups={state.groups}
          filter={state.filter}
          allCount={state.allCount}
          language={language}
          onFilter={actions.setFilter}
        />
        <section
          className="contacts-main"
          aria-label={t('listRegion')}
          onDragOver={(event) => {
            if (can?.create && event.dataTransfer.types.includes('Files')) event.preventDefault();
          }}
          onDrop={(event) => {
            const file = event.dataTransfer.files[0];
            if (!file || !can?.create) return;
            event.preventDefault();
            openImport(file);
          }}
        >
          <ContactsSearch />
          <ResultCount language={language} />
          {state.undo ? (
            <UndoBar
              offer={state.undo}
              onUndo={() => void actions.undoRemove()}
              onExpire={dropUndo}
            />
          ) : null}
          {state.notice ? (
            <p role="status" className="notice" data-testid="contacts-notice">
              {problemText(state.notice)}
            </p>
          ) : null}
          {state.selected.size > 0 && can ? (
            <BulkBar
              count={state.selected.size}
              abilities={can}
              tags={state.groups?.tags.map((g) => g.name) ?? []}
              books={state.groups?.books ?? []}
              language={language}
              onAction={actions.bulk}
              onDelete={() => void actions.remove([...state.selected])}
              onMessage={messageMany}
              onClear={() => actions.setSelected([])}
            />
          ) : null}
          <ResultList
            emptyAction={syncButton}
            onOpen={(c) => void open(c)}
            onMessage={messageOne}
          />
        </section>
      </div>
      {editing && can ? (
        <ContactEditor
          key={editing.kind === 'edit' ? editing.detail.id : 'new'}
          detail={editing.kind === 'edit' ? editing.detail : null}
          abilities={can}
          bookNames={state.groups?.books.map((b) => b.name) ?? []}
          onCreate={async (contact) => {
            const reply = await actions.create(contact);
            if (!reply.ok) return reply;
            setEditing(null);
            return null;
          }}
          onUpdate={async (patch) => {
            if (editing.kind !== 'edit') return null;
            const reply = await actions.update(editing.detail.id, patch);
            if (!reply.ok) return reply;
            setEditing(null);
            return null;
          }}
          onDelete={() => editing.kind === 'edit' && void removeEditing(editing.detail)}
          onMessage={() => editing.kind === 'edit' && messageOne(editing.detail)}
          onReviewConflict={() => {
            if (editing.kind === 'edit') setConflict(editing.detail);
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ImportDialog language={language} groups={state.groups} />
      {conflict?.conflict ? (
        <ConflictDialog
          conflict={conflict.conflict}
          name={contactName(conflict) || phoneForDisplay(conflict.phone)}
          kept={can}
          onResolve={async (keep) => {
            const reply = await actions.resolve(conflict.conflict?.id as number, keep);
            if (!reply.ok) return reply.message;
            setConflict(null);
            return null;
          }}
          onClose={() => setConflict(null)}
        />
      ) : null}
    </div>
  );
}
