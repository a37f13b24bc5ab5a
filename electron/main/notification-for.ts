import type { EventName, EventPayload } from '../../shared/ipc/events';
import type { ShellLabels } from './shell-labels';

export interface ShellNotice {
  title: string;
  body: string;
  /** Where a click on it takes the person. */
  opens: EventPayload<'app.navigate'>;
}

type Notable = 'job.finished' | 'account.paused' | 'messages.failed' | 'inbound.message';

const SENT_STATES = ['sent', 'delivered', 'accepted'];

/**
 * The OS notification an event deserves, or null. Only what a person wants to
 * know while the window is hidden: a finished bulk job, an account the
 * provider stopped (a pause the person made themselves is not news), failed
 * messages, an incoming message.
 */
export function notificationFor<E extends EventName>(
  name: E,
  payload: EventPayload<E>,
  labels: ShellLabels,
): ShellNotice | null {
  const event = { name, payload } as {
    [K in Notable]: { name: K; payload: EventPayload<K> };
  }[Notable];
  switch (event.name) {
    case 'job.finished': {
      const { counts, jobId, name: jobName } = event.payload;
      const sent = SENT_STATES.reduce((sum, state) => sum + (counts[state] ?? 0), 0);
      return {
        title: labels.jobFinished(jobName),
        body: labels.jobCounts(sent, counts.failed ?? 0),
        opens: { view: 'jobs', jobId },
      };
    }
    case 'account.paused':
      if (event.payload.byPerson) return null;
      return {
        title: labels.accountPaused,
        body: event.payload.reason,
        opens: { view: 'outbox', accountId: event.payload.accountId },
      };
    case 'messages.failed':
      return {
        title: labels.messagesFailed(event.payload.count),
        body: labels.messagesFailedBody,
        opens: { view: 'outbox', accountId: event.payload.accountId },
      };
    case 'inbound.message':
      return {
        title: labels.inbound(event.payload.from),
        body: event.payload.preview,
        opens: { view: 'conversations', conversationId: event.payload.conversationId },
      };
    default:
      return null;
  }
}
