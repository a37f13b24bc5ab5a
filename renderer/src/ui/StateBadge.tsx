import type { OutboxMessage } from '../../../shared/ipc/schemas/outbox';

const LABELS: Record<OutboxMessage['state'], string> = {
  queued: 'Queued',
  sending: 'Sending',
  accepted: 'Accepted',
  delivered: 'Delivered',
  failed: 'Failed',
  unknown: 'Outcome unknown',
  cancelled: 'Cancelled',
};

/**
 * The state a person reads: the core's displayState (shared/domain/message-state)
 * in words, plus "Waiting to retry" for a queued message whose next try is ahead.
 */
export function stateLabel(
  m: Pick<OutboxMessage, 'state' | 'displayState' | 'scheduledFor' | 'notBefore'>,
  now = Date.now(),
) {
  if (m.displayState === 'scheduled-at-provider') return 'Scheduled at the provider';
  if (m.displayState === 'expired') return 'Expired';
  if (m.state === 'queued' && m.scheduledFor !== null && m.notBefore > now) return 'Scheduled';
  if (m.state === 'queued' && m.notBefore > now) return 'Waiting to retry';
  return LABELS[m.state];
}

export function StateBadge({ message }: { message: OutboxMessage }) {
  return (
    <span className={`badge badge-${message.state}`} data-state={message.state}>
      {stateLabel(message)}
    </span>
  );
}
