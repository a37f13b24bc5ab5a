import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../lib/problem';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/TextField';
import type { VaultStatus } from '../data-store';

export type VaultChoice = { store: 'os' } | { store: 'passphrase-file'; passphrase: string };
const MIN_PASSPHRASE = 8;

/** Where account secrets are kept, and the choice or the unlock when the core needs one. */
export function VaultSection(props: {
  status: VaultStatus;
  onChoose: (choice: VaultChoice) => Promise<{ ok: true } | { ok: false; problem: Problem }>;
  problemText: (problem: Problem) => string;
}) {
  const { t } = useTranslation('settings');
  const { status } = props;
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const asking = status.choiceNeeded || status.locked;

  const choose = async (choice: VaultChoice) => {
    const done = await props.onChoose(choice);
    // Write-only: the passphrase never stays on screen, whatever the answer.
    setPassphrase('');
    setError(done.ok ? null : props.problemText(done.problem));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase.length < MIN_PASSPHRASE) {
      setError(t('vault.tooShort', { min: MIN_PASSPHRASE }));
      return;
    }
    void choose({ store: 'passphrase-file', passphrase });
  };

  const where =
    status.store === 'os'
      ? t('vault.storeOs')
      : status.store === 'passphrase-file'
        ? t('vault.storeFile')
        : t('vault.storeNone');
  return (
    <div data-testid="vault">
      <p>{where}</p>
      {status.file ? (
        <p className="muted">
          <code>{status.file}</code>
        </p>
      ) : null}
      {status.weak ? <p className="hint">{t('vault.weak')}</p> : null}
      {status.choiceNeeded ? (
        <p className="hint" role="status">
          {t('vault.choiceNeeded')}
        </p>
      ) : status.locked ? (
        <p className="hint" role="status">
          {t('vault.locked')}
        </p>
      ) : null}
      {asking ? (
        <form
          className="stack-form"
          aria-label={status.locked ? t('vault.unlockLabel') : t('vault.chooseLabel')}
          onSubmit={submit}
        >
          <TextField
            label={t('vault.passphrase')}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={setPassphrase}
            error={error}
            description={t('vault.passphraseNote', { min: MIN_PASSPHRASE })}
          />
          <Button type="submit" variant="primary">
            {status.locked ? t('vault.unlock') : t('vault.useFile')}
          </Button>
        </form>
      ) : null}
      {status.choiceNeeded && status.osStoreAvailable ? (
        <div className="actions">
          <Button onPress={() => void choose({ store: 'os' })}>{t('vault.useOs')}</Button>
        </div>
      ) : null}
      {!asking && error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
