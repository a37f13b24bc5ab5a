import { useTranslation } from 'react-i18next';
import { phoneForDisplay } from '../../../lib/format';
import { isolate } from '../../../lib/isolate';
import { Button } from '../../../ui/Button';
import { Table, TableBody, TableCell, TableColumn, TableHeader, TableRow } from '../../../ui/Table';
import type { Contact } from '../store';

export function contactName(c: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ');
}

/** Contacts found; "Message" starts a new message to one. */
export function ContactsTable(props: {
  contacts: readonly Contact[];
  onMessage: (contact: Contact) => void;
}) {
  const { t } = useTranslation('contacts');
  return (
    <Table aria-label={t('table.label')} data-testid="contacts-table">
      <TableHeader>
        <TableColumn isRowHeader>{t('table.name')}</TableColumn>
        <TableColumn>{t('table.phone')}</TableColumn>
        <TableColumn>{t('table.email')}</TableColumn>
        <TableColumn>{t('table.tags')}</TableColumn>
        <TableColumn>{t('table.actions')}</TableColumn>
      </TableHeader>
      <TableBody items={props.contacts}>
        {(c) => (
          <TableRow id={c.id}>
            <TableCell>
              {contactName(c) || t('table.noName')}
              {c.hasConflict ? (
                <span className="badge badge-failed">{t('table.conflict')}</span>
              ) : null}
              {c.pending && !c.hasConflict ? (
                <span className="badge">{t('table.notSynced')}</span>
              ) : null}
            </TableCell>
            <TableCell>{phoneForDisplay(c.phone)}</TableCell>
            <TableCell>{c.email}</TableCell>
            <TableCell className="muted">{c.tags.join(', ')}</TableCell>
            <TableCell>
              <Button
                onPress={() => props.onMessage(c)}
                aria-label={t('table.messageTo', {
                  name: isolate(contactName(c) || phoneForDisplay(c.phone)),
                })}
              >
                {t('table.message')}
              </Button>
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
