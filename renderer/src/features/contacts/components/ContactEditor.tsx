import { type FormEvent, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ReplyOf, RequestOf } from '../../../../../shared/ipc/contract';
import { phoneForDisplay } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import type { Abilities } from '../store';

export type Detail = NonNullable<ReplyOf<'contacts.get'>>;
type Refusal = Extract<ReplyOf<'contacts.create'>, { ok: false }>;
type Patch = RequestOf<'contacts.update'>['patch'];
type NewContact = RequestOf<'contacts.create'>['contact'];

interface FieldRow {
  /** Stable across edits of the name, for React's list keys. */
  uid: number;
  key: string;
  value: string;
}

let nextUid = 0;

export interface ContactEditorProps {
  /** null: a new contact. */
  detail: Detail | null;
  abilities: Abilities;
  /** Book names the account already has (360nrs: a new contact names its book). */
  bookNames: string[];
  onCreate: (contact: NewContact) => Promise<Refusal | null>;
  onUpdate: (patch: Patch) => Promise<Refusal | null>;
  onDelete: () => void;
  onMessage: () => void;
  onReviewConflict: () => void;
  onClose: () => void;
}

function fieldRows(detail: Detail | null): FieldRow[] {
  return Object.entries(detail?.customFields ?? {}).map(([key, value]) => ({
    uid: nextUid++,
    key,
    value: value === null ? '' : String(value),
  }));
}

/** What changed between the contact as loaded and the form: only that is sent. */
function patchOf(detail: Detail, form: FormState): Patch {
  const patch: Patch = {};
  if (form.firstName !== detail.firstName) patch.firstName = form.firstName;
  if (form.lastName !== detail.lastName) patch.lastName = form.lastName;
  if (form.phone !== phoneForDisplay(detail.phone)) patch.phone = form.phone;
  if (form.email !== detail.email) patch.email = form.email;
  const custom: Record<string, string | null> = {};
  const now = new Map(
    form.fields.filter((f) => f.key.trim() !== '').map((f) => [f.key.trim(), f.value]),
  );
  for (const [k, v] of now) if (String(detail.customFields[k] ?? '') !== v) custom[k] = v;
  for (const k of Object.keys(detail.customFields)) if (!now.has(k)) custom[k] = null;
  if (Object.keys(custom).length > 0) patch.customFields = custom;
  const add = form.tags.filter((tag) => !detail.tags.includes(tag));
  const remove = detail.tags.filter((tag) => !form.tags.includes(tag));
  if (add.length > 0) patch.addTags = add;
  if (remove.length > 0) patch.removeTags = remove;
  const currentBook = detail.books[0]?.remoteId ?? '';
  if (form.book !== '' && form.book !== currentBook) patch.bookId = form.book;
  return patch;
}

interface FormState {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  fields: FieldRow[];
  tags: string[];
  book: string;
}

/**
 * The form to add or fix a contact. It offers only what the account's
 * provider can keep (tags on the tags API, a book to move to on the
 * address-book API, its custom field names); the core checks again.
 */
export function ContactEditor(props: ContactEditorProps) {
  const { t } = useTranslation('contacts');
  const { detail, abilities } = props;
  const [form, setForm] = useState<FormState>(() => ({
    firstName: detail?.firstName ?? '',
    lastName: detail?.lastName ?? '',
    phone: detail ? phoneForDisplay(detail.phone) : '',
    email: detail?.email ?? '',
    fields: fieldRows(detail),
    tags: detail?.tags ?? [],
    book:
      detail?.books[0]?.remoteId ??
      (abilities.newContactBook === 'choose' ? (abilities.books[0]?.id ?? '') : ''),
  }));
  const [newTag, setNewTag] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const patch = (p: Partial<FormState>) => setForm((f) => ({ ...f, ...p }));
  const errorFor = (field: Refusal['field']) =>
    refusal && refusal.field === field ? refusal.message : null;

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    setSaving(true);
    try {
      const fields = Object.fromEntries(
        form.fields.filter((f) => f.key.trim() !== '').map((f) => [f.key.trim(), f.value]),
      );
      const answer = detail
        ? await props.onUpdate(patchOf(detail, form))
        : await props.onCreate({
            phone: form.phone,
            firstName: form.firstName,
            lastName: form.lastName,
            email: form.email,
            customFields: fields,
            tags: form.tags,
            ...(form.book !== '' ? { book: form.book } : {}),
          });
      setRefusal(answer);
    } finally {
      setSaving(false);
    }
  };

  const addTag = () => {
    const tag = newTag.trim();
    if (tag !== '' && !form.tags.includes(tag)) patch({ tags: [...form.tags, tag] });
    setNewTag('');
  };

  const title = detail ? t('editor.editTitle') : t('editor.newTitle');
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen
      isDismissable
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
    >
      <Modal className="modal modal-wide">
        <Dialog className="dialog" aria-label={title}>
          <Heading slot="title">{title}</Heading>
          {detail?.conflict ? (
            <Banner
              tone="warning"
              title={t('editor.conflictTitle')}
              action={<Button onPress={props.onReviewConflict}>{t('editor.review')}</Button>}
            >
              {t('editor.conflictBody')}
            </Banner>
          ) : null}
          {detail?.pending && !detail.conflict ? (
            <p className="muted" data-testid="editor-pending">
              {detail.pending.state === 'failed'
                ? t('editor.refusedByProvider', { reason: detail.pending.errorText ?? '' })
                : t('editor.notSynced')}
            </p>
          ) : null}
          <form className="editor-form" onSubmit={(e) => void save(e)}>
            <div className="editor-grid">
              <TextField
                label={abilities.lastName ? t('editor.firstName') : t('editor.name')}
                value={form.firstName}
                onChange={(v) => patch({ firstName: v })}
                autoFocus
              />
              {abilities.lastName ? (
                <TextField
                  label={t('editor.lastName')}
                  value={form.lastName}
                  onChange={(v) => patch({ lastName: v })}
                />
              ) : null}
              <TextField
                label={t('editor.phone')}
                type="tel"
                inputMode="tel"
                value={form.phone}
                onChange={(v) => patch({ phone: v })}
                error={errorFor('phone')}
                description={t('editor.phoneHint')}
              />
              {abilities.email ? (
                <TextField
                  label={t('editor.email')}
                  value={form.email}
                  onChange={(v) => patch({ email: v })}
                  error={errorFor('email')}
                />
              ) : null}
            </div>
            <BookField
              form={form}
              abilities={abilities}
              bookNames={props.bookNames}
              isNew={!detail}
              error={errorFor('book')}
              onChange={(book) => patch({ book })}
            />
            {abilities.tags ? (
              <fieldset className="editor-set">
                <legend>{t('editor.tags')}</legend>
                <ul className="contact-chips">
                  {form.tags.map((tag) => (
                    <li key={tag} className="contact-chip">
                      {tag}
                      <button
                        type="button"
                        className="contact-chip-remove"
                        aria-label={t('editor.removeTag', { tag })}
                        onClick={() => patch({ tags: form.tags.filter((x) => x !== tag) })}
                      >
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
                <div className="editor-inline">
                  <TextField
                    label={t('editor.newTag')}
                    value={newTag}
                    onChange={setNewTag}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        addTag();
                      }
                    }}
                    error={errorFor('tags')}
                  />
                  <Button onPress={addTag} isDisabled={newTag.trim() === ''}>
                    {t('editor.addTag')}
                  </Button>
                </div>
              </fieldset>
            ) : null}
            <CustomFields
              rows={form.fields}
              names={abilities.customFieldNames}
              error={errorFor('customFields')}
              onChange={(fields) => patch({ fields })}
            />
            {refusal && refusal.field === null ? (
              <p role="alert" className="field-error">
                {refusal.message}
              </p>
            ) : null}
            <div className="dialog-actions editor-actions">
              {detail && abilities.delete ? (
                <Button variant="danger" onPress={props.onDelete} className="editor-delete">
                  {t('editor.delete')}
                </Button>
              ) : null}
              {detail ? <Button onPress={props.onMessage}>{t('table.message')}</Button> : null}
              <Button onPress={props.onClose}>{t('editor.cancel')}</Button>
              <Button variant="primary" type="submit" isDisabled={saving}>
                {detail ? t('editor.save') : t('editor.add')}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function BookField(props: {
  form: FormState;
  abilities: Abilities;
  bookNames: string[];
  isNew: boolean;
  error: string | null;
  onChange: (book: string) => void;
}) {
  const { t } = useTranslation('contacts');
  const { abilities } = props;
  const choose = props.isNew ? abilities.newContactBook === 'choose' : abilities.moveToBook;
  if (choose && abilities.books.length > 0) {
    return (
      <Select
        label={props.isNew ? t('editor.book') : t('editor.moveToBook')}
        value={props.form.book || null}
        onChange={props.onChange}
        options={abilities.books.map((b) => ({ id: b.id, label: b.name }))}
      />
    );
  }
  if (choose) return <p className="field-error">{t('editor.noBooks')}</p>;
  if (props.isNew && abilities.newContactBook === 'name') {
    return (
      <TextField
        label={t('editor.book')}
        value={props.form.book}
        onChange={props.onChange}
        error={props.error}
        description={
          props.bookNames.length > 0
            ? t('editor.bookNames', { names: props.bookNames.slice(0, 6).join(', ') })
            : t('editor.bookNew')
        }
      />
    );
  }
  return null;
}

function CustomFields(props: {
  rows: FieldRow[];
  names: string[] | null;
  error: string | null;
  onChange: (rows: FieldRow[]) => void;
}) {
  const { t } = useTranslation('contacts');
  const set = (i: number, row: Partial<FieldRow>) =>
    props.onChange(props.rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  const unused = props.names?.filter((n) => !props.rows.some((r) => r.key === n)) ?? null;
  const canAdd = unused === null || unused.length > 0;
  return (
    <fieldset className="editor-set">
      <legend>{t('editor.customFields')}</legend>
      {props.names !== null && props.names.length === 0 ? (
        <p className="muted">{t('editor.noCustomFields')}</p>
      ) : null}
      {props.rows.map((row, i) => (
        <div className="editor-inline" key={row.uid}>
          {props.names === null ? (
            <TextField
              label={t('editor.fieldName')}
              value={row.key}
              onChange={(key) => set(i, { key })}
            />
          ) : (
            <Select
              label={t('editor.fieldName')}
              value={row.key || null}
              onChange={(key) => set(i, { key })}
              options={props.names.map((n) => ({ id: n, label: n }))}
            />
          )}
          <TextField
            label={t('editor.fieldValue', { name: row.key })}
            value={row.value}
            onChange={(value) => set(i, { value })}
          />
          <Button
            onPress={() => props.onChange(props.rows.filter((_, j) => j !== i))}
            aria-label={t('editor.removeField', { name: row.key })}
          >
            ×
          </Button>
        </div>
      ))}
      {props.error ? <p className="field-error">{props.error}</p> : null}
      {canAdd ? (
        <Button
          variant="link"
          onPress={() =>
            props.onChange([...props.rows, { uid: nextUid++, key: unused?.[0] ?? '', value: '' }])
          }
        >
          {t('editor.addField')}
        </Button>
      ) : null}
    </fieldset>
  );
}
