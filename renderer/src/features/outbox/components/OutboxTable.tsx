import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '../../../../../shared/ipc/schemas/outbox';
import { translateCoreSentence } from '../../../i18n/core-sentences';
import { formatDateTime, phoneForDisplay } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { Table, TableBody, TableCell, TableColumn, TableHeader, TableRow } from '../../../ui/Table';
import { StateBadge } from './StateBadge';

export interface OutboxTableProps {
  messages: readonly OutboxMessage[];
  language: 'en' | 'es';
  onOpenRecipient: (recipient: string) => void;
  onRetry: (message: OutboxMessage) => void;
  onCancel: (message: OutboxMessage) => void;
}

/** The newest 200 messages of the filter: who, what, state, why, and what can be done. */
export function OutboxTable(props: OutboxTableProps) {
  const { t } = useTranslation('outbox');
  return (
    <Table aria-label={t('table.label')} data-testid="outbox-table">
      <TableHeader>
        <TableColumn isRowHeader>{t('table.id')}</TableColumn>
        <TableColumn>{t('table.to')}</TableColumn>
        <TableColumn>{t('table.message')}</TableColumn>
        <TableColumn>{t('table.state')}</TableColumn>
        <TableColumn>{t('table.details')}</TableColumn>
        <TableColumn>{t('table.actions')}</TableColumn>
      </TableHeader>
      <TableBody items={props.messages}>
        {(m) => (
          <TableRow id={m.id} data-testid={`message-${m.id}`}>
            <TableCell>{m.id}</TableCell>
            <TableCell>
              <Button variant="link" onPress={() => props.onOpenRecipient(m.recipient)}>
                {phoneForDisplay(m.recipient)}
              </Button>
            </TableCell>
            <TableCell className="body-cell">{m.body}</TableCell>
            <TableCell>
              <StateBadge message={m} />
            </TableCell>
            <TableCell className="muted details-cell">
              {m.errorText
                ? translateCoreSentence(t, m.errorText)
                : t('table.segments', { count: m.segments, encoding: t(`encoding.${m.encoding}`) })}
              {m.attempts > 1 ? ` · ${t('table.attempts', { count: m.attempts })}` : ''}
              <br />
              <time dateTime={new Date(m.createdAt).toISOString()}>
                {formatDateTime(m.createdAt, props.language)}
              </time>
            </TableCell>
            <TableCell>
              <span className="row-actions">
                {m.state === 'failed' || m.state === 'unknown' ? (
                  <Button onPress={() => props.onRetry(m)}>{t('actions.retry')}</Button>
                ) : null}
                {m.state === 'queued' || m.state === 'unknown' ? (
                  <Button onPress={() => props.onCancel(m)}>
                    {m.state === 'unknown' ? t('actions.drop') : t('actions.cancel')}
                  </Button>
                ) : null}
              </span>
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
