import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../../shared/ipc/schemas/accounts';
import type { Language } from '../../../i18n/languages';
import { formatMoney } from '../../../lib/format';
import type { Problem } from '../../../lib/problem';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { TextField } from '../../../ui/TextField';
import type { AccountExtras, Book } from '../extras-store';

type Saved = { ok: true } | { ok: false; problem: Problem };

export interface AccountExtrasPanelProps {
  accounts: readonly AccountSummary[];
  byAccount: Readonly<Record<number, AccountExtras>>;
  language: Language;
  problemText: (problem: Problem) => string;
  onSetBooks: (accountId: number, books: readonly Book[]) => Promise<Saved>;
  onSetFields: (accountId: number, fields: Record<string, string>) => Promise<Saved>;
}

/** Per account, only what its provider has: address books, custom-field ids, or the balance. */
export function AccountExtrasPanel(props: AccountExtrasPanelProps) {
  const { t } = useTranslation('settings');
  const shown = props.accounts.filter((a) => a.provider !== 'tags');
  if (shown.length === 0) return <p className="muted">{t('extras.none')}</p>;
  return (
    <div className="extras">
      {shown.map((account) => {
        const extras = props.byAccount[account.id];
        return (
          <section
            key={account.id}
            className="extras-account"
            aria-labelledby={`extras-${account.id}`}
            data-testid={`extras-${account.id}`}
          >
            <h3 id={`extras-${account.id}`}>
              <bdi>{account.name}</bdi>{' '}
              <span className="muted">{t(`providers.${account.provider}`)}</span>
            </h3>
            {!extras ? (
              <p className="muted">{t('about.loading')}</p>
            ) : extras.problem ? (
              <p role="alert" className="error">
                {props.problemText(extras.problem)}
              </p>
            ) : account.provider === 'addressbook' ? (
              <BooksEditor
                account={account}
                books={extras.books ?? []}
                onSave={(books) => props.onSetBooks(account.id, books)}
                problemText={props.problemText}
              />
            ) : account.provider === 'action' ? (
              <FieldsEditor
                account={account}
                fields={extras.fields ?? {}}
                onSave={(fields) => props.onSetFields(account.id, fields)}
                problemText={props.problemText}
              />
            ) : extras.balance ? (
              <p data-testid="account-balance">
                {t('extras.balance', {
                  amount: formatMoney(
                    extras.balance.balance,
                    extras.balance.currency,
                    props.language,
                  ),
                })}
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function BooksEditor(props: {
  account: AccountSummary;
  books: readonly Book[];
  onSave: (books: readonly Book[]) => Promise<Saved>;
  problemText: (problem: Problem) => string;
}) {
  const { t } = useTranslation('settings');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Book | null>(null);

  const save = async (books: readonly Book[]) => {
    const saved = await props.onSave(books);
    setError(saved.ok ? null : props.problemText(saved.problem));
    return saved.ok;
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!id.trim() || !name.trim()) return setError(t('extras.bookMissing'));
    if (props.books.some((b) => b.id === id.trim())) return setError(t('extras.bookTaken'));
    if (await save([...props.books, { id: id.trim(), name: name.trim() }])) {
      setId('');
      setName('');
    }
  };
  const confirmRemove = async () => {
    const book = removing;
    setRemoving(null);
    if (book) await save(props.books.filter((b) => b.id !== book.id));
  };

  return (
    <>
      {props.books.length === 0 ? (
        <p className="muted">{t('extras.noBooks')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('extras.booksLabel')}>
          {props.books.map((book) => (
            <li key={book.id}>
              <span>
                <bdi>{book.name}</bdi> <code>{book.id}</code>
              </span>
              <Button
                onPress={() => setRemoving(book)}
                aria-label={t('extras.removeBookNamed', { name: book.name })}
              >
                {t('accounts.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        aria-label={t('extras.addBookLabel', { name: props.account.name })}
        onSubmit={(e) => void add(e)}
      >
        <TextField label={t('extras.bookId')} value={id} onChange={setId} />
        <TextField label={t('extras.bookName')} value={name} onChange={setName} />
        <Button type="submit">{t('extras.addBook')}</Button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        title={t('extras.removeBookTitle')}
        confirmLabel={t('accounts.removeConfirm')}
        cancelLabel={t('accounts.keep')}
        destructive
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      >
        {removing ? (
          <p>
            <Trans
              t={t}
              i18nKey="extras.removeBookBody"
              values={{ name: removing.name }}
              components={{ bdi: <bdi /> }}
            />
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

function FieldsEditor(props: {
  account: AccountSummary;
  fields: Readonly<Record<string, string>>;
  onSave: (fields: Record<string, string>) => Promise<Saved>;
  problemText: (problem: Problem) => string;
}) {
  const { t } = useTranslation('settings');
  const [local, setLocal] = useState('');
  const [remote, setRemote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const entries = Object.entries(props.fields);

  const save = async (fields: Record<string, string>) => {
    const saved = await props.onSave(fields);
    setError(saved.ok ? null : props.problemText(saved.problem));
    return saved.ok;
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!local.trim() || !remote.trim()) return setError(t('extras.fieldMissing'));
    if (await save({ ...props.fields, [local.trim()]: remote.trim() })) {
      setLocal('');
      setRemote('');
    }
  };
  const remove = (name: string) =>
    void save(Object.fromEntries(entries.filter(([key]) => key !== name)));

  return (
    <>
      {entries.length === 0 ? (
        <p className="muted">{t('extras.noFields')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('extras.fieldsLabel')}>
          {entries.map(([name, id]) => (
            <li key={name}>
              <span>{t('extras.fieldMapping', { name, id })}</span>
              <Button
                onPress={() => remove(name)}
                aria-label={t('extras.removeFieldNamed', { name })}
              >
                {t('accounts.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        aria-label={t('extras.addFieldLabel', { name: props.account.name })}
        onSubmit={(e) => void add(e)}
      >
        <TextField label={t('extras.fieldLocal')} value={local} onChange={setLocal} />
        <TextField label={t('extras.fieldRemote')} value={remote} onChange={setRemote} />
        <Button type="submit">{t('extras.addField')}</Button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </>
  );
}
