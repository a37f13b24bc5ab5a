import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatNumber } from '../../../lib/format';
import { EmptyState } from '../../../ui/EmptyState';
import { SearchField } from '../../../ui/SearchField';
import { type Contact, type ListFilter, rowAt, useContacts } from '../store';
import { ContactsList } from './ContactsList';

/*
 * The current result's parts, each subscribed to only what it shows: a key
 * typed renders the search box alone, and an answer (a new result or a page
 * of it) renders the count and the list, not the rest of the view (toolbar,
 * books and tags, dialogs). bench/RESULTS.md "Round 7: contacts".
 */

function isFiltered(filter: ListFilter, query: string): boolean {
  return filter.kind !== 'all' || query.trim() !== '';
}

/** The search box; the store runs the search as the text changes. */
export function ContactsSearch() {
  const { t } = useTranslation('contacts');
  const query = useContacts((s) => s.query);
  return (
    <SearchField
      label={t('search.label')}
      placeholder={t('search.placeholder')}
      clearLabel={t('search.clear')}
      value={query}
      onChange={useContacts.getState().setQuery}
      className="search"
    />
  );
}

/** "100,000 contacts" or "12 matching", announced politely as it changes. */
export function ResultCount({ language }: { language: 'en' | 'es' }) {
  const { t } = useTranslation('contacts');
  const { total, filtered } = useContacts(
    useShallow((s) => ({ total: s.total, filtered: isFiltered(s.filter, s.query) })),
  );
  const n = formatNumber(total, language);
  return (
    <p className="muted" data-testid="contacts-count" aria-live="polite">
      {filtered ? t('matching', { count: total, n }) : t('count', { count: total, n })}
    </p>
  );
}

export interface ResultListProps {
  /** Offered when the account has no contacts at all (the sync button). */
  emptyAction: ReactNode;
  onOpen: (contact: Contact) => void;
  onMessage: (contact: Contact) => void;
}

/** The result's rows (windowed), or why there are none. */
export function ResultList(props: ResultListProps) {
  const { t, i18n } = useTranslation('contacts');
  const s = useContacts(
    useShallow((s) => ({
      accountId: s.accountId,
      filter: s.filter,
      query: s.query,
      sort: s.sort,
      pages: s.pages,
      total: s.total,
      resultId: s.resultId,
      loaded: s.loaded,
      selected: s.selected,
    })),
  );
  if (!s.loaded) return null;
  if (s.total === 0)
    return isFiltered(s.filter, s.query) ? (
      <EmptyState sentence={t('noMatch')} />
    ) : (
      <EmptyState sentence={t('empty')} action={props.emptyAction} />
    );
  const actions = useContacts.getState();
  return (
    <ContactsList
      label={t('table.label')}
      language={i18n.language}
      total={s.total}
      resultId={s.resultId}
      rowAt={(i) => rowAt(s.pages, i)}
      sort={s.sort}
      selected={s.selected}
      resultKey={JSON.stringify([s.accountId, s.filter, s.query, s.sort])}
      onSort={actions.setSort}
      onToggle={actions.toggleSelected}
      onOpen={props.onOpen}
      onMessage={props.onMessage}
      onRange={actions.showRange}
    />
  );
}
