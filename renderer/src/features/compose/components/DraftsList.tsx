import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../i18n/languages';
import { formatDateTime } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import type { DraftView } from '../store';

/** The saved drafts, newest first, named by their first words; open one or delete it (with Undo). */
export const DraftsList = memo(function DraftsList(props: {
  drafts: readonly DraftView[];
  currentId: number | null;
  language: Language;
  onOpen: (id: number) => void;
  onDelete: (draft: DraftView) => void;
  onNew: () => void;
}) {
  const { t } = useTranslation('compose');
  return (
    <aside className="card drafts" aria-labelledby="drafts-title" data-testid="drafts">
      <div className="card-header">
        <h2 id="drafts-title">{t('drafts.title')}</h2>
        <Button onPress={props.onNew}>{t('drafts.new')}</Button>
      </div>
      {props.drafts.length === 0 ? (
        <p className="muted">{t('drafts.empty')}</p>
      ) : (
        <ul className="drafts-list">
          {props.drafts.map((d) => {
            const name = d.name || t('drafts.untitled');
            return (
              <li key={d.id} className={d.id === props.currentId ? 'current' : undefined}>
                <Button
                  variant="link"
                  onPress={() => props.onOpen(d.id)}
                  aria-current={d.id === props.currentId}
                >
                  <bdi>{name}</bdi>
                </Button>
                <span className="muted">
                  {t('drafts.meta', {
                    when: formatDateTime(d.updatedAt, props.language),
                    count: d.state.chips.length,
                  })}
                </span>
                <Button
                  variant="link"
                  aria-label={t('drafts.deleteLabel', { name })}
                  onPress={() => props.onDelete(d)}
                >
                  {t('drafts.delete')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
});
