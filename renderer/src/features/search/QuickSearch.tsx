import {
  Autocomplete,
  Dialog,
  Header,
  Menu,
  MenuItem,
  MenuSection,
  Modal,
  ModalOverlay,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../app/nav-store';
import { phoneForDisplay } from '../../lib/format';
import { SearchField } from '../../ui/SearchField';
import { useCompose } from '../compose/store';
import { contactName } from '../contacts/components/ContactsList';
import { useQuickSearch } from './store';

/**
 * Ctrl/Cmd+K: type a name or digits, arrows to choose, Enter to act. A contact
 * starts a message to them; a conversation opens its thread. Escape closes.
 */
export function QuickSearch() {
  const { t } = useTranslation();
  const { open, query, contacts, threads, hide, setQuery } = useQuickSearch();
  const go = useNav((s) => s.go);
  const newMessage = useCompose((s) => s.newMessage);

  const onAction = (key: React.Key) => {
    const id = String(key);
    hide();
    if (id.startsWith('thread:')) go('conversations', id.slice('thread:'.length));
    else {
      const contact = contacts.find((c) => `contact:${c.id}` === id);
      if (contact) {
        newMessage(phoneForDisplay(contact.phone), contact.accountId);
        go('compose');
      }
    }
  };

  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={open}
      isDismissable
      onOpenChange={(isOpen) => {
        if (!isOpen) hide();
      }}
    >
      <Modal className="modal quick-search">
        <Dialog aria-label={t('quickSearch.title')} className="dialog">
          <Autocomplete inputValue={query} onInputChange={setQuery}>
            <SearchField
              label={t('quickSearch.label')}
              placeholder={t('quickSearch.placeholder')}
              clearLabel={t('quickSearch.clear')}
              value={query}
              onChange={setQuery}
              autoFocus
            />
            <Menu
              className="menu"
              aria-label={t('quickSearch.results')}
              onAction={onAction}
              renderEmptyState={() => (
                <p className="muted menu-empty">
                  {query.trim() ? t('quickSearch.nothing') : t('quickSearch.hint')}
                </p>
              )}
            >
              {contacts.length > 0 ? (
                <MenuSection>
                  <Header className="menu-header">{t('quickSearch.contacts')}</Header>
                  {contacts.map((c) => (
                    <MenuItem
                      key={c.id}
                      id={`contact:${c.id}`}
                      className="menu-item"
                      textValue={contactName(c) || c.phone}
                    >
                      <span>{contactName(c) || t('quickSearch.noName')}</span>
                      <span className="muted">{phoneForDisplay(c.phone)}</span>
                    </MenuItem>
                  ))}
                </MenuSection>
              ) : null}
              {threads.length > 0 ? (
                <MenuSection>
                  <Header className="menu-header">{t('quickSearch.conversations')}</Header>
                  {threads.map((th) => (
                    <MenuItem
                      key={th.key}
                      id={`thread:${th.key}`}
                      className="menu-item"
                      textValue={th.name ?? th.number}
                    >
                      <span>{th.name ?? phoneForDisplay(th.number)}</span>
                      <span className="muted">
                        {th.name ? `${phoneForDisplay(th.number)} · ` : ''}
                        {t(`conversations:channel.${th.channel}`)}
                      </span>
                    </MenuItem>
                  ))}
                </MenuSection>
              ) : null}
            </Menu>
          </Autocomplete>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
