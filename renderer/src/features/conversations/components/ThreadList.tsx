import { ListBox, ListBoxItem } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { phoneForDisplay } from '../../../lib/format';
import type { Thread } from '../store';

/** The people written to; arrows move, Enter or a click opens the thread. */
export function ThreadList(props: {
  threads: readonly Thread[];
  selected: string | null;
  onSelect: (recipient: string) => void;
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
    >
      {(thread) => (
        <ListBoxItem
          id={thread.recipient}
          textValue={phoneForDisplay(thread.recipient)}
          className="thread-item"
        >
          <strong>{phoneForDisplay(thread.recipient)}</strong>
          <span className="muted thread-preview">{thread.messages[0]?.body}</span>
        </ListBoxItem>
      )}
    </ListBox>
  );
}
