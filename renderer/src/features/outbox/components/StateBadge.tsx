import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '../../../../../shared/ipc/schemas/outbox';

/**
 * The state a person reads: the core's displayState (shared/domain/message-state),
 * plus "Waiting to retry" for a queued message whose next try is ahead.
 */
export function stateKey(
  m: Pick<OutboxMessage, 'state' | 'displayState' | 'scheduledFor' | 'notBefore'>,
  now = Date.now(),
): string {
  if (m.displayState === 'scheduled-at-provider') return 'scheduledAtProvider';
  if (m.displayState === 'expired') return 'expired';
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
