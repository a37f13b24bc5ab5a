import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../../../shared/ipc/schemas/inbox';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { MessageBubble } from './MessageBubble';

/** Near the top by this much: ask for the older page before the person reaches it. */
const LOAD_AHEAD_PX = 400;
const AT_BOTTOM_PX = 80;

/**
 * One thread, oldest at the top. Only the rows on screen (and a few around
 * them) are in the page, so thousands of messages scroll smoothly; the older
 * page is asked for as the top comes near, and the row the person was reading
 * stays where it was when it arrives.
 */
export function ThreadTimeline(props: {
  label: string;
  /** Newest first, as the store keeps them. */
  items: readonly InboxItem[];
  hasOlder: boolean;
  loadingOlder: boolean;
  language: 'en' | 'es';
  onLoadOlder: () => void;
  onRetry: (item: InboxItem) => void;
  onDrop: (item: InboxItem) => void;
}) {
  const { t } = useTranslation('conversations');
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => [...props.items].reverse(), [props.items]);
  const [dropping, setDropping] = useState<InboxItem | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    overscan: 6,
    getItemKey: (i) => rows[i]?.id ?? i,
  });

  // Keep the place: when older rows arrive on top, move down by what they added.
  const before = useRef({ first: null as string | null, count: 0, total: 0, atBottom: true });
  useLayoutEffect(() => {
    const el = scroller.current;
    const prev = before.current;
    const first = rows[0]?.id ?? null;
    const total = virtualizer.getTotalSize();
    if (el && prev.count > 0 && first !== prev.first && rows.length > prev.count) {
      const wasFirst = rows.findIndex((r) => r.id === prev.first);
      if (wasFirst > 0) el.scrollTop += total - prev.total;
    }
    if (el && (prev.count === 0 || prev.atBottom) && rows.length > 0) {
      virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    }
    before.current = { first, count: rows.length, total, atBottom: prev.atBottom };
  }, [rows, virtualizer]);

  const { hasOlder, loadingOlder, onLoadOlder } = props;
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    before.current.atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < AT_BOTTOM_PX;
    before.current.total = virtualizer.getTotalSize();
    if (el.scrollTop < LOAD_AHEAD_PX && hasOlder && !loadingOlder) onLoadOlder();
  };
  // A short first page that does not fill the view: fetch more at once.
  useEffect(() => {
    const el = scroller.current;
    if (el && hasOlder && !loadingOlder && el.scrollHeight <= el.clientHeight + LOAD_AHEAD_PX)
      onLoadOlder();
  }, [hasOlder, loadingOlder, onLoadOlder]);

  return (
    <section className="thread" aria-label={props.label}>
      <div
        ref={scroller}
        className="timeline"
        onScroll={onScroll}
        data-testid="timeline"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling region is reachable by keyboard to scroll it
        tabIndex={0}
      >
        {props.loadingOlder ? (
          <p className="muted timeline-loading" role="status">
            {t('loadingOlder')}
          </p>
        ) : !props.hasOlder && rows.length > 0 ? (
          <p className="muted timeline-start">{t('start')}</p>
        ) : null}
        <ol
          aria-label={props.label}
          className="timeline-rows"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((v) => {
            const item = rows[v.index] as InboxItem;
            return (
              <li
                key={v.key}
                aria-setsize={rows.length}
                aria-posinset={v.index + 1}
                data-index={v.index}
                ref={virtualizer.measureElement}
                className={`timeline-row ${item.kind === 'system' ? 'system' : item.direction}`}
                style={{ transform: `translateY(${v.start}px)` }}
              >
                <MessageBubble
                  item={item}
                  language={props.language}
                  onRetry={props.onRetry}
                  onDrop={setDropping}
                />
              </li>
            );
          })}
        </ol>
      </div>
      <ConfirmDialog
        isOpen={dropping !== null}
        title={t('dropTitle')}
        confirmLabel={t('dropConfirm')}
        cancelLabel={t('keep')}
        destructive
        onCancel={() => setDropping(null)}
        onConfirm={() => {
          if (dropping) props.onDrop(dropping);
          setDropping(null);
        }}
      >
        <p>{t('dropBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
