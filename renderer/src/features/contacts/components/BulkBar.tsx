import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import type { Abilities, BulkAction } from '../store';

type Open = null | 'addTag' | 'removeTag' | 'moveToBook';

/** What can be done with the selected contacts at once (only what the provider can do). */
export function BulkBar(props: {
  count: number;
  abilities: Abilities;
  tags: string[];
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
      open === 'moveToBook' ? { kind: open, bookId: value } : { kind: open, tag: value.trim() };
    if (await props.onAction(action)) {
      setOpen(null);
      setValue('');
    }
  };
  const start = (which: Open) => {
    setOpen(which);
    setValue(which === 'moveToBook' ? (abilities.books[0]?.id ?? '') : '');
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
          {open === 'moveToBook' ? (
            <Select
              label={t('bulk.book')}
              value={value || null}
              onChange={setValue}
              options={abilities.books.map((b) => ({ id: b.id, label: b.name }))}
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
