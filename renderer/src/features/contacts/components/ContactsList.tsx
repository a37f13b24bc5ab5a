import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneForDisplay } from '../../../lib/format';
import { isolate } from '../../../lib/isolate';
import { Button } from '../../../ui/Button';
import type { Contact, SortColumn } from '../store';

export const ROW_HEIGHT = 44;

export function contactName(c: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ');
}

export interface ContactsListProps {
  total: number;
  rowAt: (index: number) => Contact | undefined;
  sort: { column: SortColumn; descending: boolean };
  selected: ReadonlySet<number>;
  /** Changes when the result changes: the list goes back to its top. */
  resultKey: string;
  onSort: (column: SortColumn) => void;
  onToggle: (id: number) => void;
  onOpen: (contact: Contact) => void;
  onMessage: (contact: Contact) => void;
  onRange: (start: number, end: number) => void;
}

/**
 * The contacts as a table that renders only the rows on screen (plus a few),
 * so 100,000 scroll as smoothly as 10. Rows have one fixed height; the rows
 * the store has not fetched yet show as loading. Arrow keys, Page Up/Down,
 * Home and End move between rows, Enter opens one, Space selects it.
 */
export function ContactsList(props: ContactsListProps) {
  const { t } = useTranslation('contacts');
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: props.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { onRange, resultKey } = props;

  useEffect(() => {
    onRange(first, last);
  }, [first, last, onRange]);

  // A new search, filter or order starts at the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resultKey is the trigger
  useEffect(() => {
    setActive(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resultKey]);

  const move = (to: number) => {
    const index = Math.max(0, Math.min(props.total - 1, to));
    setActive(index);
    virtualizer.scrollToIndex(index);
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus(),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).getAttribute('role') !== 'row') return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const keys: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: props.total - 1,
    };
    const to = keys[event.key];
    if (to !== undefined) {
      event.preventDefault();
      move(to);
      return;
    }
    const contact = props.rowAt(active);
    if (!contact) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onOpen(contact);
    } else if (event.key === ' ') {
      event.preventDefault();
      props.onToggle(contact.id);
    }
  };

  const header = (column: SortColumn, label: string) => {
    const sorted = props.sort.column === column;
    return (
      <th
        scope="col"
        className={`clist-cell clist-${column}`}
        aria-sort={sorted ? (props.sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button type="button" className="clist-sort" onClick={() => props.onSort(column)}>
          {label}
          <span aria-hidden="true">{sorted ? (props.sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the rows inside take the keys (roving focus)
    <div ref={scroller} className="clist-scroller" onKeyDown={onKeyDown}>
      <table
        aria-label={t('table.label')}
        aria-rowcount={props.total + 1}
        className="clist"
        data-testid="contacts-table"
      >
        <colgroup>
          <col className="clist-col-select" />
          <col className="clist-col-name" />
          <col className="clist-col-phone" />
          <col className="clist-col-email" />
          <col className="clist-col-tags" />
          <col className="clist-col-actions" />
        </colgroup>
        <thead className="clist-head">
          <tr aria-rowindex={1}>
            <th scope="col" className="clist-cell">
              <span className="visually-hidden">{t('table.select')}</span>
            </th>
            {header('name', t('table.name'))}
            {header('phone', t('table.phone'))}
            {header('email', t('table.email'))}
            <th scope="col" className="clist-cell">
              {t('table.tags')}
            </th>
            <th scope="col" className="clist-cell">
              {t('table.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 ? <Spacer height={top} /> : null}
          {items.map((item) => {
            const c = props.rowAt(item.index);
            return (
              <tr
                key={c ? c.id : `loading-${item.index}`}
                aria-rowindex={item.index + 2}
                aria-busy={c ? undefined : true}
                data-index={item.index}
                data-selected={c && props.selected.has(c.id) ? 'true' : undefined}
                tabIndex={item.index === active ? 0 : -1}
                onFocus={() => setActive(item.index)}
                className="clist-item"
              >
                {c ? <Row contact={c} {...props} /> : <LoadingRow label={t('table.loading')} />}
              </tr>
            );
          })}
          {bottom > 0 ? <Spacer height={bottom} /> : null}
        </tbody>
      </table>
    </div>
  );
}

/** Holds the height of the rows above or below the window, which are not rendered. */
function Spacer({ height }: { height: number }) {
  return (
    <tr className="clist-pad">
      <td colSpan={6} style={{ height }} />
    </tr>
  );
}

function LoadingRow({ label }: { label: string }) {
  return (
    <td colSpan={6} className="clist-cell clist-loading">
      {label}
    </td>
  );
}

function Row({ contact: c, ...props }: { contact: Contact } & ContactsListProps) {
  const { t } = useTranslation('contacts');
  const name = contactName(c) || phoneForDisplay(c.phone);
  return (
    <>
      <td className="clist-cell clist-select">
        <input
          type="checkbox"
          checked={props.selected.has(c.id)}
          onChange={() => props.onToggle(c.id)}
          aria-label={t('table.selectOne', { name: isolate(name) })}
          tabIndex={-1}
        />
      </td>
      <th scope="row" className="clist-cell clist-name">
        <button
          type="button"
          className="clist-open"
          onClick={() => props.onOpen(c)}
          aria-label={t('table.openOne', { name: isolate(name) })}
          tabIndex={-1}
        >
          {contactName(c) || t('table.noName')}
        </button>
        {c.hasConflict ? <span className="badge badge-failed">{t('table.conflict')}</span> : null}
        {c.pending && !c.hasConflict ? (
          <span className="badge badge-pending" title={t('table.notSyncedHint')}>
            {t('table.notSynced')}
          </span>
        ) : null}
      </th>
      <td className="clist-cell clist-phone">{phoneForDisplay(c.phone)}</td>
      <td className="clist-cell clist-email">{c.email}</td>
      <td className="clist-cell clist-tags muted">{c.tags.join(', ')}</td>
      <td className="clist-cell clist-actions">
        <Button
          onPress={() => props.onMessage(c)}
          aria-label={t('table.messageTo', { name: isolate(name) })}
          excludeFromTabOrder
        >
          {t('table.message')}
        </Button>
      </td>
    </>
  );
}
