import { useTranslation } from 'react-i18next';
import { countryName } from '../../../lib/format';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import { COUNTRIES } from '../../bulk/components/ColumnsStep';
import type { Sniff } from '../../bulk/store';
import type { Abilities, Groups } from '../store';
import type { BookPick, ColumnChoice } from './columns';

const NONE = -1;
const NEW_BOOK = -2;
// A tag choice's id is "tag:" + its name, so no tag name can be mistaken for these two.
const NO_TAG = 'none';
const NEW_TAG = 'new';
const TAG_ID = 'tag:';

type Field = 'phone' | 'firstName' | 'lastName' | 'email';

export interface ColumnsFormProps {
  language: 'en' | 'es';
  sniff: Sniff;
  abilities: Abilities;
  groups: Groups | null;
  columns: ColumnChoice;
  book: BookPick;
  country: string;
  onColumns: (columns: ColumnChoice) => void;
  onHeader: (present: boolean) => void;
  onBook: (book: BookPick) => void;
  onCountry: (country: string) => void;
}

/** Which column holds what (only the fields the provider keeps), the book, the default country. */
export function ColumnsForm(props: ColumnsFormProps) {
  const { t } = useTranslation('contactsImport');
  const { sniff, abilities: can, columns } = props;
  const fields: Field[] = [
    'phone',
    'firstName',
    ...(can.lastName ? ['lastName' as const] : []),
    ...(can.email ? ['email' as const] : []),
  ];
  const options = (required: boolean) => [
    ...(required ? [] : [{ id: NONE, label: t('columns.none') }]),
    ...sniff.columns.map((c, i) => ({ id: i, label: c })),
  ];
  const taken = new Set(fields.map((f) => columns[f]).filter((c): c is number => c !== null));
  const others = sniff.columns.map((name, i) => ({ name, i })).filter((c) => !taken.has(c.i));
  const countries = COUNTRIES.includes(props.country) ? COUNTRIES : [props.country, ...COUNTRIES];
  return (
    <div className="wizard-body" data-testid="import-columns">
      <div className="grid-2">
        {fields.map((f) => (
          <Select
            key={f}
            label={t(`columns.${f}`)}
            value={columns[f] ?? NONE}
            onChange={(c) => props.onColumns({ ...columns, [f]: c === NONE ? null : c })}
            options={options(f === 'phone')}
          />
        ))}
      </div>
      {columns.phone === null ? (
        <p className="error" role="alert">
          {t('columns.noPhone')}
        </p>
      ) : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={sniff.header.present}
          onChange={(e) => props.onHeader(e.target.checked)}
        />{' '}
        {t('columns.header')}
      </label>
      {others.length > 0 ? (
        <fieldset className="editor-set">
          <legend>{t('columns.customTitle')}</legend>
          <p className="muted">
            {can.customFieldNames === null
              ? t('columns.customAny')
              : can.customFieldNames.length === 0
                ? t('columns.customNone')
                : t('columns.customSome', { names: can.customFieldNames.join(', ') })}
          </p>
          {can.customFieldNames === null || can.customFieldNames.length > 0
            ? others.map(({ name, i }) => (
                <CustomField
                  key={i}
                  column={name}
                  sample={sniff.preview[0]?.[i] ?? ''}
                  value={columns.custom[i] ?? ''}
                  allowed={can.customFieldNames}
                  onChange={(v) =>
                    props.onColumns({ ...columns, custom: { ...columns.custom, [i]: v } })
                  }
                />
              ))
            : null}
        </fieldset>
      ) : null}
      <div className="grid-2">
        <BookField {...props} />
        <Select
          label={t('columns.country')}
          value={props.country}
          onChange={props.onCountry}
          options={countries.map((c) => ({ id: c, label: countryName(c, props.language) }))}
        />
      </div>
    </div>
  );
}

function CustomField(props: {
  column: string;
  sample: string;
  value: string;
  allowed: string[] | null;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('contactsImport');
  const label = t('columns.customFor', { column: props.column, sample: props.sample });
  if (props.allowed === null)
    return (
      <TextField
        label={label}
        value={props.value}
        onChange={props.onChange}
        description={t('columns.customHelp')}
      />
    );
  return (
    <Select
      label={label}
      value={props.value}
      onChange={props.onChange}
      options={[
        { id: '', label: t('columns.none') },
        ...props.allowed.map((n) => ({ id: n, label: n })),
      ]}
    />
  );
}

/** A tags account sorts contacts by tag: the import can give them one, existing or new. */
function TagField(props: ColumnsFormProps) {
  const { t } = useTranslation('contactsImport');
  const { book } = props;
  const tags = props.groups?.tags ?? [];
  const known = book.kind === 'tag' && tags.some((tag) => tag.name === book.name);
  const value = book.kind !== 'tag' ? NO_TAG : known ? TAG_ID + book.name : NEW_TAG;
  return (
    <div>
      <Select
        label={t('book.tagLabel')}
        value={value}
        onChange={(v) =>
          props.onBook(
            v === NO_TAG
              ? { kind: 'none' }
              : { kind: 'tag', name: v === NEW_TAG ? '' : v.slice(TAG_ID.length) },
          )
        }
        options={[
          { id: NO_TAG, label: t('book.noTag') },
          ...tags.map((tag) => ({
            id: TAG_ID + tag.name,
            label: t('book.withCount', { name: tag.name, count: tag.count }),
          })),
          { id: NEW_TAG, label: t('book.newTag') },
        ]}
      />
      {book.kind === 'tag' && !known ? (
        <TextField
          label={t('book.newTagName')}
          value={book.name}
          onChange={(name) => props.onBook({ kind: 'tag', name })}
          error={book.name.trim() === '' ? t('book.tagNameNeeded') : null}
        />
      ) : null}
    </div>
  );
}

function BookField(props: ColumnsFormProps) {
  const { t } = useTranslation('contactsImport');
  const { abilities: can, book } = props;
  if (can.newContactBook === 'none' && can.tags) return <TagField {...props} />;
  if (can.newContactBook === 'none')
    return <p className="muted">{t('book.none', { provider: can.provider })}</p>;
  if (can.newContactBook === 'choose')
    return (
      <Select
        label={t('book.label')}
        value={book.kind === 'provider' ? book.id : null}
        onChange={(id) => props.onBook({ kind: 'provider', id })}
        options={can.books.map((b) => ({ id: b.id, label: b.name }))}
      />
    );
  const books = props.groups?.books ?? [];
  return (
    <div>
      <Select
        label={t('book.label')}
        value={book.kind === 'local' ? book.id : NEW_BOOK}
        onChange={(id) =>
          props.onBook(id === NEW_BOOK ? { kind: 'new', name: '' } : { kind: 'local', id })
        }
        options={[
          ...books.map((b) => ({
            id: b.id,
            label: t('book.withCount', { name: b.name, count: b.count }),
          })),
          { id: NEW_BOOK, label: t('book.new') },
        ]}
      />
      {book.kind === 'new' ? (
        <TextField
          label={t('book.newName')}
          value={book.name}
          onChange={(name) => props.onBook({ kind: 'new', name })}
          error={book.name.trim() === '' ? t('book.nameNeeded') : null}
        />
      ) : null}
    </div>
  );
}
