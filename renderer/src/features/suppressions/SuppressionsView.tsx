import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useProblemText } from '../../i18n/use-problem-text';
import { phoneForDisplay } from '../../lib/format';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SearchField } from '../../ui/SearchField';
import { TextField } from '../../ui/TextField';
import { useSettings } from '../settings/store';
import { SuppressionsTable } from './components/SuppressionsTable';
import { filterSuppressions, type Suppression, useSuppressions } from './store';

/**
 * The suppression list: search, add a number by hand, remove one after a
 * confirmation (also from the provider's blacklist). Reads the stores: it is
 * the view of the Conversations tab it sits in.
 */
export function SuppressionsView() {
  const { t, i18n } = useTranslation('suppressions');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const { entries, loaded, busy, problem, done, load, stopWatching, add, remove } =
    useSuppressions();
  const defaultCountry = useSettings((s) => s.preferences.defaultCountry);
  const problemText = useProblemText();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const shown = useMemo(() => filterSuppressions(entries, deferred), [entries, deferred]);
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState('');
  const [removing, setRemoving] = useState<Suppression | null>(null);

  useEffect(() => {
    void load();
    return stopWatching;
  }, [load, stopWatching]);

  return (
    <div className="suppressions" data-testid="suppressions">
      <p className="muted">{t('intro')}</p>
      <form
        className="card add-suppression"
        onSubmit={(event) => {
          event.preventDefault();
          void add(phone, reason, defaultCountry).then((ok) => {
            if (ok) {
              setPhone('');
              setReason('');
            }
          });
        }}
      >
        <div className="grid-2">
          <TextField label={t('add.number')} value={phone} onChange={setPhone} inputMode="tel" />
          <TextField
            label={t('add.reason')}
            value={reason}
            onChange={setReason}
            placeholder={t('add.reasonPlaceholder')}
          />
        </div>
        <Button type="submit" variant="primary" isDisabled={busy || phone.trim() === ''}>
          {t('add.button')}
        </Button>
      </form>
      {problem ? (
        <p className="error" role="alert">
          {problemText(problem)}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="muted">
          {done.kind === 'added'
            ? t('done.added', { number: phoneForDisplay(done.phone) })
            : t('done.removed', { number: phoneForDisplay(done.phone) })}
        </p>
      ) : null}
      <SearchField
        label={t('search')}
        placeholder={t('searchPlaceholder')}
        clearLabel={t('clear')}
        value={query}
        onChange={setQuery}
      />
      {loaded ? (
        <SuppressionsTable entries={shown} language={language} busy={busy} onRemove={setRemoving} />
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        title={t('confirm.title')}
        confirmLabel={t('confirm.remove')}
        cancelLabel={t('confirm.keep')}
        destructive
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) void remove(removing);
          setRemoving(null);
        }}
      >
        <p>
          <Trans
            t={t}
            i18nKey="confirm.body"
            values={{
              number: removing ? phoneForDisplay(removing.phone) : '',
              account: removing?.account ?? '',
            }}
            components={{ b: <bdi /> }}
          />
        </p>
      </ConfirmDialog>
    </div>
  );
}
