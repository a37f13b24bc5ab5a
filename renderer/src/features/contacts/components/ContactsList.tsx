// biome-ignore-all lint/a11y/useSemanticElements: rows are divs with the table roles so each is placed and contained on its own (see ContactsList)
// biome-ignore-all lint/a11y/useFocusableInteractive: cells and headers are not focusable; the row takes focus (roving), as in a native table
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import {
  type CSSProperties,
  type KeyboardEvent,
  memo,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/setup';
import { phoneForDisplay } from '../../../lib/format';
import { isolate } from '../../../lib/isolate';
import { flingRange } from '../fling-range';
import { sameRowProps } from '../row-equality';
import { type RowWords, rowWords } from '../row-words';
import type { Contact, SortColumn } from '../store';

export const ROW_HEIGHT = 44;

export function contactName(c: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ');
}

/*
 * The rows' words per language, built on first use (row-words.ts). The
 * contacts catalogs are loaded before the view renders in a language; one
 * added later (a language switch, a reload in development) drops what was
 * built from the old ones.
 */
const wordsByLanguage = new Map<string, RowWords>();
i18n.store?.on('added', () => wordsByLanguage.clear());

function wordsFor(language: string): RowWords {
  let words = wordsByLanguage.get(language);
  if (!words) {
    words = rowWords((key) => {
      const found =
        i18n.getResource(language, 'contacts', key) ?? i18n.getResource('en', 'contacts', key);
      return typeof found === 'string' ? found : undefined;
    });
    wordsByLanguage.set(language, words);
  }
  return words;
}

export interface ContactsListProps {
  /** The table's accessible name and the language of its rows' words, from the view. */
  label: string;
  language: string;
  total: number;
  /** Changes when a new result lands (not a page of it): its visible rows render first. */
  resultId: number;
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

/** What a row does when used; one object for the list's life, so rows need not re-render for it. */
interface RowActions {
  toggle: (id: number) => void;
  open: (contact: Contact) => void;
  message: (contact: Contact) => void;
  focused: (index: number) => void;
  sort: (column: SortColumn) => void;
}

/** The sticky header row is one row high; rows start below it and scrolling keeps them out from under it. */
const HEAD_HEIGHT = ROW_HEIGHT;
/** Rows rendered beyond each edge of the viewport (fewer rows to lay out and paint per frame). */
const OVERSCAN = 4;

/**
 * The contacts as a table that renders only the rows on screen (plus a few),
 * so 100,000 scroll as smoothly as 10. Rows have one fixed height; the rows
 * the store has not fetched yet show as loading. Arrow keys, Page Up/Down,
 * Home and End move between rows, Enter opens one, Space selects it.
 *
 * The list re-renders when the window of rows changes (every row height
 * scrolled), so each row is memoised on what it shows: only the rows that
 * come into view are rendered, with native controls (a React Aria Button in
 * each of 40 rows cost more than the rest of the row together,
 * bench/RESULTS.md "Contacts view"). It is a grid of divs with the table
 * roles, not a <table>: each row is placed on its own at its offset and
 * contained, so a new row is laid out and painted alone, where a table
 * with spacer rows was laid out again whole on every change of window.
 */
export function ContactsList(props: ContactsListProps) {
  // No translation hook here: this renders on every row scrolled, and i18next's lookups were a
  // tenth of the scroll's script; the view above renders on a language change and passes the words.
  const words = wordsFor(props.language);
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const overscan = useFreshResultOverscan(props.resultId);
  // Read before the hook: the virtualizer renders the list again when scrolling stops.
  const [range] = useState(flingRange);
  const scrolling = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  const virtualizer = useVirtualizer({
    count: props.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan,
    rangeExtractor: scrolling.current?.isScrolling ? range.moving : range.still,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  scrolling.current = virtualizer;
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { onRange, resultKey } = props;

  // The view passes new callbacks on each render; rows get one stable set that calls the latest.
  const latest = useRef(props);
  latest.current = props;
  const [actions] = useState<RowActions>(() => ({
    toggle: (id) => latest.current.onToggle(id),
    open: (c) => latest.current.onOpen(c),
    message: (c) => latest.current.onMessage(c),
    focused: (index) => setActive(index),
    sort: (column) => latest.current.onSort(column),
  }));

  useEffect(() => {
    onRange(first, last);
  }, [first, last, onRange]);

  // A new search, filter or order starts at the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resultKey is the trigger
  useEffect(() => {
    setActive(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resultKey]);

  // The row a key moved to takes focus once it is rendered: a far one (End) only is after the
  // scroll has moved the window, which can be a frame or more later.
  const focusPending = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (focusPending.current === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(
      `[data-index="${focusPending.current}"]`,
    );
    if (!row) return;
    focusPending.current = null;
    row.focus();
  });

  const move = (to: number) => {
    const index = Math.max(0, Math.min(props.total - 1, to));
    focusPending.current = index;
    setActive(index);
    virtualizer.scrollToIndex(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Only a focused row takes the keys, not its checkbox or buttons.
    if (!(event.target as HTMLElement).classList.contains('clist-item')) return;
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

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the rows inside take the keys (roving focus)
    <div ref={scroller} className="clist-scroller" onKeyDown={onKeyDown}>
      <div
        role="table"
        aria-label={props.label}
        aria-rowcount={props.total + 1}
        className="clist"
        data-testid="contacts-table"
      >
        <Head sort={props.sort} actions={actions} />
        {/* Rows are placed on this block by their offset: a new window moves no other row. */}
        <div role="rowgroup" className="clist-body" style={{ height: props.total * ROW_HEIGHT }}>
          {items.map((item) => {
            const c = props.rowAt(item.index);
            // Keyed by place: when a loading row's page arrives, the same element (and its focus) stays.
            return (
              <Row
                key={item.index}
                contact={c}
                index={item.index}
                active={item.index === active}
                selected={c ? props.selected.has(c.id) : false}
                actions={actions}
                words={words}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The column headers, sticky above the rows; rendered again only when the order changes. */
const Head = memo(function Head({
  sort,
  actions,
}: {
  sort: ContactsListProps['sort'];
  actions: RowActions;
}) {
  const { t } = useTranslation('contacts');
  const header = (column: SortColumn, label: string) => {
    const sorted = sort.column === column;
    return (
      <div
        role="columnheader"
        className={`clist-cell clist-${column}`}
        aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button type="button" className="clist-sort" onClick={() => actions.sort(column)}>
          {label}
          <span aria-hidden="true">{sorted ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </div>
    );
  };
  return (
    <div role="rowgroup" className="clist-head">
      <div role="row" aria-rowindex={1} className="clist-row">
        <div role="columnheader" className="clist-cell">
          <span className="visually-hidden">{t('table.select')}</span>
        </div>
        {header('name', t('table.name'))}
        {header('phone', t('table.phone'))}
        {header('email', t('table.email'))}
        <div role="columnheader" className="clist-cell">
          {t('table.tags')}
        </div>
        <div role="columnheader" className="clist-cell">
          {t('table.actions')}
        </div>
      </div>
    </div>
  );
});

/**
 * The overscan: none in the render that lands a new result, so its DOM holds
 * only the rows on screen and lands sooner after the answer; the rows beyond
 * the edges follow a frame later.
 */
function useFreshResultOverscan(resultId: number): number {
  const [overscan, setOverscan] = useState(OVERSCAN);
  const [seen, setSeen] = useState(resultId);
  if (seen !== resultId) {
    // Set while rendering: this very render (the one with the new rows) has no overscan.
    setSeen(resultId);
    setOverscan(0);
  }
  useEffect(() => {
    if (overscan === OVERSCAN) return;
    // From the next frame's start: a render queued from this frame's callbacks would run in
    // the task right after it, before anything else waiting on the new result's paint.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setOverscan(OVERSCAN));
    });
    return () => cancelAnimationFrame(frame);
  }, [overscan]);
  return overscan;
}

interface RowPlace {
  index: number;
  /** The row that takes Tab (roving focus). */
  active: boolean;
  actions: RowActions;
  /** The row's words in the current language (one object per language). */
  words: RowWords;
}

/**
 * A row's place in the list: its offset below the header (rows have one
 * height). An offset, not a transform: a transform gives every new row its
 * own node in the paint property trees, which pre-paint and layerization
 * walk again each frame of a scroll; a row never moves once placed, so
 * layout places it once either way.
 */
function placeAt(index: number): CSSProperties {
  return { top: index * ROW_HEIGHT };
}

/**
 * One place in the list: a contact, or "loading" until its page is here.
 * Re-rendered only when the contact's fields, its place, focus or selection
 * change (not for a new object with the same fields: row-equality.ts).
 */
const Row = memo(function Row({
  contact,
  index,
  active,
  selected,
  actions,
  words,
}: RowPlace & { contact: Contact | undefined; selected: boolean }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy={contact ? undefined : true}
      data-index={index}
      data-selected={selected ? 'true' : undefined}
      tabIndex={active ? 0 : -1}
      onFocus={() => actions.focused(index)}
      className="clist-item"
      style={placeAt(index)}
    >
      {contact ? (
        <RowCells contact={contact} selected={selected} actions={actions} words={words} />
      ) : (
        <div role="cell" className="clist-cell clist-loading">
          {words.loading}
        </div>
      )}
    </div>
  );
}, sameRowProps);

/** A contact's cells: select, name (with its badges), phone, email, tags, Message. */
function RowCells({
  contact: c,
  selected,
  actions,
  words,
}: {
  contact: Contact;
  selected: boolean;
  actions: RowActions;
  words: RowWords;
}) {
  const full = contactName(c);
  const phone = phoneForDisplay(c.phone);
  const name = isolate(full || phone);
  return (
    <>
      <div role="cell" className="clist-cell clist-select">
        <input
          type="checkbox"
          checked={selected}
          onChange={() => actions.toggle(c.id)}
          aria-label={words.selectOne(name)}
          tabIndex={-1}
        />
      </div>
      <div role="rowheader" className="clist-cell clist-text clist-name">
        <button
          type="button"
          className="clist-open"
          onClick={() => actions.open(c)}
          aria-label={words.openOne(name)}
          tabIndex={-1}
        >
          {full || words.noName}
        </button>
        {c.hasConflict ? <span className="badge badge-failed">{words.conflict}</span> : null}
        {c.pending && !c.hasConflict ? (
          <span className="badge badge-pending" title={words.notSyncedHint}>
            {words.notSynced}
          </span>
        ) : null}
      </div>
      <div role="cell" className="clist-cell clist-text clist-phone">
        {phone}
      </div>
      <div role="cell" className="clist-cell clist-text clist-email">
        {c.email}
      </div>
      <div role="cell" className="clist-cell clist-text clist-tags muted">
        {c.tags.join(', ')}
      </div>
      <div role="cell" className="clist-cell clist-actions">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => actions.message(c)}
          aria-label={words.messageTo(name)}
          tabIndex={-1}
        >
          {words.message}
        </button>
      </div>
    </>
  );
}
