import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '../../../../../shared/ipc/schemas/outbox';
import { translateCoreSentence } from '../../../i18n/core-sentences';
import { formatDateTime } from '../../../lib/format';
import { StateBadge } from '../../outbox/components/StateBadge';

/** One thread, oldest first, each message with its delivery state and time. */
export function ThreadMessages(props: {
  label: string;
  messages: readonly OutboxMessage[];
  language: 'en' | 'es';
}) {
  const { t } = useTranslation('conversations');
  const oldestFirst = [...props.messages].reverse();
  return (
    <section className="thread" aria-label={props.label}>
      <ol className="bubbles">
        {oldestFirst.map((m) => (
          <li key={m.id} className="bubble outbound" data-testid="bubble">
            <p>{m.body}</p>
            <footer>
              <StateBadge message={m} />{' '}
              <time dateTime={new Date(m.createdAt).toISOString()}>
                {formatDateTime(m.createdAt, props.language)}
              </time>
              {m.errorText && (m.state === 'failed' || m.state === 'unknown') ? (
                <span className="error"> {translateCoreSentence(t, m.errorText)}</span>
              ) : null}
            </footer>
          </li>
        ))}
      </ol>
    </section>
  );
}
