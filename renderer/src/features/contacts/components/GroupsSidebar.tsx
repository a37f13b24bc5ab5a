import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { Groups, ListFilter } from '../store';

export interface GroupsSidebarProps {
  groups: Groups | null;
  filter: ListFilter;
  /** Everyone in the account (the "All contacts" count). */
  allCount: number | null;
  language: 'en' | 'es';
  onFilter: (filter: ListFilter) => void;
}

function same(a: ListFilter, b: ListFilter): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The account's books and tags with their counts; choosing one filters the list. */
export function GroupsSidebar(props: GroupsSidebarProps) {
  const { t } = useTranslation('contacts');
  const item = (filter: ListFilter, label: string, count: number | null) => (
    <li key={JSON.stringify(filter)}>
      <button
        type="button"
        className="groups-item"
        aria-pressed={same(filter, props.filter)}
        onClick={() => props.onFilter(filter)}
      >
        <span className="groups-name">{label}</span>
        {count === null ? null : (
          <span className="groups-count">{formatNumber(count, props.language)}</span>
        )}
      </button>
    </li>
  );
  const books = props.groups?.books ?? [];
  const tags = props.groups?.tags ?? [];
  return (
    <aside className="groups" aria-label={t('groups.label')}>
      <ul>
        {item({ kind: 'all' }, t('groups.all'), props.allCount)}
        {item({ kind: 'pending' }, t('groups.pending'), null)}
      </ul>
      <h2 className="groups-heading">{t('groups.books')}</h2>
      {books.length === 0 ? (
        <p className="muted groups-empty">{t('groups.noBooks')}</p>
      ) : (
        <ul>{books.map((b) => item({ kind: 'book', id: b.id }, b.name, b.count))}</ul>
      )}
      <h2 className="groups-heading">{t('groups.tags')}</h2>
      {tags.length === 0 ? (
        <p className="muted groups-empty">{t('groups.noTags')}</p>
      ) : (
        <ul>{tags.map((tag) => item({ kind: 'tag', name: tag.name }, tag.name, tag.count))}</ul>
      )}
    </aside>
  );
}
