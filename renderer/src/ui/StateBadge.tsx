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

/** "Scheduled" is a queued message whose time has not come. */
export function stateLabel(
  m: Pick<OutboxMessage, 'state' | 'scheduledFor' | 'notBefore'>,
  now = Date.now(),
) {
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
