import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../../../shared/ipc/schemas/inbox';
import { translateCoreSentence } from '../../../i18n/core-sentences';
import { formatDateTime } from '../../../lib/format';
import { Button } from '../../../ui/Button';

/** The catalog key of a message's state; SMS states come from the outbox's display state. */
const STATE_KEYS: Record<string, string> = {
  queued: 'state.queued',
  sending: 'state.sending',
  accepted: 'state.accepted',
  delivered: 'state.delivered',
  read: 'state.read',
  failed: 'state.failed',
  unknown: 'state.unknown',
  cancelled: 'state.cancelled',
  scheduled: 'state.scheduled',
  'scheduled-at-provider': 'state.scheduledAtProvider',
  expired: 'state.expired',
};

const NEEDS_PERSON = new Set(['failed', 'unknown']);

/** One message: incoming on the left, ours on the right with its state; Retry / Drop when it needs a person. */
export function MessageBubble(props: {
  item: InboxItem;
  language: 'en' | 'es';
  onRetry: (item: InboxItem) => void;
  onDrop: (item: InboxItem) => void;
}) {
  const { t } = useTranslation('conversations');
  const { item } = props;
  if (item.kind === 'system') {
    return (
      <div className="system-line" data-testid="system-line" data-event={item.state}>
        {item.state === 'opted-out'
          ? t('system.optedOut', { word: item.text })
          : t('system.optIn', { word: item.text })}
      </div>
    );
  }
  const stateKey = STATE_KEYS[item.state];
  const time = formatDateTime(item.at, props.language);
  return (
    <div
      className={`bubble ${item.direction}${NEEDS_PERSON.has(item.state) ? ' needs-person' : ''}`}
      data-testid="bubble"
      data-state={item.state}
    >
      <p>{item.text}</p>
      <footer>
        {item.template ? <span className="muted">{t('template')} · </span> : null}
        <time dateTime={new Date(item.at).toISOString()}>{time}</time>
        {item.segments !== null && item.segments > 1 ? (
          <span> · {t('parts', { count: item.segments })}</span>
        ) : null}
        {stateKey ? (
          <span className={`badge badge-${item.state}`} data-testid="bubble-state">
            {t(stateKey)}
          </span>
        ) : null}
      </footer>
      {item.errorText && (NEEDS_PERSON.has(item.state) || item.state === 'expired') ? (
        <p className="error bubble-error">{translateCoreSentence(t, item.errorText)}</p>
      ) : null}
      {NEEDS_PERSON.has(item.state) ? (
        <div className="bubble-actions">
          <Button onPress={() => props.onRetry(item)}>{t('retry')}</Button>
          {/* The outbox keeps a failed SMS as the record of what was tried: it can be retried, not dropped. */}
          {item.state === 'unknown' || item.whatsAppId !== null ? (
            <Button variant="danger" onPress={() => props.onDrop(item)}>
              {t('drop')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
