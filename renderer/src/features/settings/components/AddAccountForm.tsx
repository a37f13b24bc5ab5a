import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ReplyOf, RequestOf } from '../../../../../shared/ipc/contract';
import { translateCoreSentence } from '../../../i18n/core-sentences';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';

type Provider = RequestOf<'accounts.add'>['provider'];
type Field = 'name' | 'baseUrl' | 'username' | 'secret' | 'localAddress';
const PROVIDERS: readonly Provider[] = ['nrs', 'action', 'addressbook', 'tags'];

const EMPTY = {
  name: '',
  provider: 'nrs' as Provider,
  baseUrl: '',
  username: '',
  secret: '',
  localAddress: '',
};

/**
 * Adds a provider account after the provider accepted its credentials. The
 * secret is write-only: it goes to the core once, the field is emptied once
 * saved, and no channel ever sends it back.
 */
export function AddAccountForm(props: {
  onAdd: (request: RequestOf<'accounts.add'>) => Promise<ReplyOf<'accounts.add'>>;
  onAdded: (name: string, checked: boolean) => void;
}) {
  const { t } = useTranslation('settings');
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (skipCheck: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const reply = await props.onAdd({
        name: form.name,
        provider: form.provider,
        baseUrl: form.baseUrl,
        secret: form.secret,
        skipCheck,
        ...(form.username ? { username: form.username } : {}),
        ...(form.localAddress ? { localAddress: form.localAddress } : {}),
      });
      if (reply.ok) {
        props.onAdded(form.name, reply.checked);
        setForm(EMPTY);
      } else {
        setError({ field: reply.field, message: translateCoreSentence(t, reply.message) });
      }
    } catch (e) {
      // A payload the contract refuses names the field in its issues.
      const first = (e as { issues?: { path: string; message: string }[] }).issues?.[0];
      setError({
        field: (first?.path as Field) ?? null,
        message: translateCoreSentence(t, first?.message ?? String(e)),
      });
    } finally {
      setBusy(false);
    }
  };

  const field = (
    name: Field,
    label: string,
    extra: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      label={label}
      value={form[name]}
      onChange={(value) => setForm({ ...form, [name]: value })}
      error={error?.field === name ? error.message : null}
      {...extra}
    />
  );

  return (
    <Form
      className="add-account"
      aria-label={t('add.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <div className="grid-2">
        {field('name', t('add.name'), { placeholder: t('add.namePlaceholder') })}
        <Select
          label={t('add.provider')}
          value={form.provider}
          onChange={(provider) => setForm({ ...form, provider })}
          options={PROVIDERS.map((p) => ({ id: p, label: t(`providers.${p}`) }))}
        />
        {field('baseUrl', t('add.baseUrl'), {
          placeholder: t('add.baseUrlPlaceholder'),
          inputMode: 'url',
        })}
        {form.provider === 'nrs' ? field('username', t('add.username')) : <div />}
        {field('secret', t(`add.secret.${form.provider}`), {
          type: 'password',
          autoComplete: 'new-password',
          description: t('add.secretNote'),
        })}
        {field('localAddress', t('add.localAddress'), {
          placeholder: t('add.localAddressPlaceholder'),
        })}
      </div>
      {error && error.field === null ? (
        <p className="error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="actions">
        {error && error.field !== 'name' && error.field !== 'secret' ? (
          <Button isDisabled={busy} onPress={() => void submit(true)}>
            {t('add.skipCheck')}
          </Button>
        ) : null}
        <Button type="submit" variant="primary" isDisabled={busy}>
          {busy ? t('add.checking') : t('add.submit')}
        </Button>
      </div>
    </Form>
  );
}
