import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import type { Abilities, BulkAction } from '../store';

type Open = null | 'addTag' | 'removeTag' | 'moveToBook' | 'joinBook';

/** What can be done with the selected contacts at once (only what the provider can do). */
export function BulkBar(props: {
  count: number;
  abilities: Abilities;
  tags: string[];
  /** The account's books here (local ids), for "Add to group". */
  books: { id: number; name: string }[];
  language: 'en' | 'es';
  onAction: (action: BulkAction) => Promise<boolean>;
  onDelete: () => void;
  onMessage: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation('contacts');
  const [open, setOpen] = useState<Open>(null);
  const [value, setValue] = useState('');
  const { abilities } = props;
  const apply = async () => {
    if (value.trim() === '' || open === null) return;
    const action: BulkAction =
      open === 'moveToBook'
        ? { kind: open, bookId: value }
        : open === 'joinBook'
          ? { kind: open, bookId: Number(value) }
          : { kind: open, tag: value.trim() };
    if (await props.onAction(action)) {
      setOpen(null);
      setValue('');
    }
  };
  const start = (which: Open) => {
    setOpen(which);
    if (which === 'moveToBook') setValue(abilities.books[0]?.id ?? '');
    else if (which === 'joinBook') setValue(String(props.books[0]?.id ?? ''));
    else setValue('');
  };
  return (
    <div className="contacts-bulk" role="toolbar" aria-label={t('bulk.label')}>
      <strong data-testid="bulk-count">
        {t('bulk.selected', { count: props.count, n: formatNumber(props.count, props.language) })}
      </strong>
      <Button variant="primary" onPress={props.onMessage}>
        {t('bulk.message')}
      </Button>
      {abilities.tags ? (
        <>
          <Button onPress={() => start('addTag')}>{t('bulk.addTag')}</Button>
          <Button onPress={() => start('removeTag')}>{t('bulk.removeTag')}</Button>
        </>
      ) : null}
      {abilities.moveToBook && abilities.books.length > 0 ? (
        <Button onPress={() => start('moveToBook')}>{t('bulk.move')}</Button>
      ) : null}
      {abilities.joinBook && props.books.length > 0 ? (
        <Button onPress={() => start('joinBook')}>{t('bulk.join')}</Button>
      ) : null}
      {abilities.delete ? (
        <Button variant="danger" onPress={props.onDelete}>
          {t('bulk.delete')}
        </Button>
      ) : null}
      <Button variant="link" onPress={props.onClear}>
        {t('bulk.clear')}
      </Button>
      {open ? (
        <form
          className="contacts-bulk-form"
          onSubmit={(e) => {
            e.preventDefault();
            void apply();
          }}
        >
          {open === 'moveToBook' || open === 'joinBook' ? (
            <Select
              label={open === 'joinBook' ? t('bulk.group') : t('bulk.book')}
              value={value || null}
              onChange={setValue}
              options={
                open === 'joinBook'
                  ? props.books.map((b) => ({ id: String(b.id), label: b.name }))
                  : abilities.books.map((b) => ({ id: b.id, label: b.name }))
              }
            />
          ) : (
            <TextField
              label={open === 'addTag' ? t('bulk.tagToAdd') : t('bulk.tagToRemove')}
              value={value}
              onChange={setValue}
              autoFocus
              description={
                open === 'removeTag' && props.tags.length > 0
                  ? t('bulk.tagsHere', { tags: props.tags.slice(0, 8).join(', ') })
                  : undefined
              }
            />
          )}
          <Button variant="primary" type="submit" isDisabled={value.trim() === ''}>
            {t('bulk.apply')}
          </Button>
          <Button onPress={() => setOpen(null)}>{t('editor.cancel')}</Button>
        </form>
      ) : null}
    </div>
  );
}
