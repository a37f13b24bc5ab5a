import { ListBox, ListBoxItem } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { InboxThread } from '../../../../../shared/ipc/schemas/inbox';
import { formatDateTime, phoneForDisplay } from '../../../lib/format';

/** The inbox: newest activity first; arrows move, Enter or a click opens the thread. */
export function ThreadList(props: {
  threads: readonly InboxThread[];
  selected: string | null;
  language: 'en' | 'es';
  onSelect: (key: string) => void;
}) {
  const { t } = useTranslation('conversations');
  return (
    <ListBox
      className="thread-list"
      aria-label={t('list')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={props.selected ? [props.selected] : []}
      onSelectionChange={(keys) => {
        const [key] = [...keys];
        if (typeof key === 'string') props.onSelect(key);
      }}
      items={props.threads}
      renderEmptyState={() => <p className="muted menu-empty">{t('noMatch')}</p>}
    >
      {(thread) => {
        const who = thread.name ?? phoneForDisplay(thread.number);
        return (
          <ListBoxItem id={thread.key} textValue={who} className="thread-item" data-testid="thread">
            <span className="thread-top">
              <strong className="thread-name">{who}</strong>
              {thread.unread > 0 ? (
                <span className="unread" data-testid="unread">
                  <span aria-hidden="true">{thread.unread}</span>
                  <span className="visually-hidden">{t('unread', { count: thread.unread })}</span>
                </span>
              ) : null}
            </span>
            <span className="thread-sub muted">
              <span className={`channel channel-${thread.channel}`}>
                {t(`channel.${thread.channel}`)}
              </span>
              {thread.name ? <span>{phoneForDisplay(thread.number)}</span> : null}
              {thread.suppressed ? <span className="error">{t('unsubscribed')}</span> : null}
            </span>
            <span className="muted thread-preview">
              {thread.lastDirection === 'outbound'
                ? t('you', { text: thread.preview })
                : thread.preview}
            </span>
            <time className="muted thread-time" dateTime={new Date(thread.lastAt).toISOString()}>
              {formatDateTime(thread.lastAt, props.language)}
            </time>
          </ListBoxItem>
        );
      }}
    </ListBox>
  );
}
