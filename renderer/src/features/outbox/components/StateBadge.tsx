import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '../../../../../shared/ipc/schemas/outbox';

/** "Scheduled" and "Waiting to retry" are queued messages whose time has not come. */
export function stateKey(
  m: Pick<OutboxMessage, 'state' | 'scheduledFor' | 'notBefore'>,
  now = Date.now(),
): string {
  if (m.state === 'queued' && m.scheduledFor !== null && m.notBefore > now) return 'scheduled';
  if (m.state === 'queued' && m.notBefore > now) return 'waiting';
  return m.state;
}

export function StateBadge({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation('outbox');
  return (
    <span className={`badge badge-${message.state}`} data-state={message.state}>
      {t(`state.${stateKey(message)}`)}
    </span>
  );
}
