import { useEffect, useMemo, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { countSegments, type EncodingChoice, suggestGsmReplacements } from '../../../../shared/sms';
import { useNav } from '../../app/nav-store';
import { useProblemText } from '../../i18n/use-problem-text';
import { countryName } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { ViewHeader } from '../../ui/ViewHeader';
import { useAccounts } from '../accounts/store';
import { useSettings } from '../settings/store';
import { SegmentMeter } from './components/SegmentMeter';
import { EncodingHints } from './components/Suggestions';
import { type ComposeField, useCompose } from './store';

const ENCODINGS: { id: EncodingChoice; key: string }[] = [
  { id: 'auto', key: 'encoding.auto' },
  { id: 'gsm', key: 'encoding.gsm' },
  { id: 'gsm-pt', key: 'encoding.gsmPt' },
  { id: 'ucs2', key: 'encoding.ucs2' },
];

export function ComposeView() {
  const { t, i18n } = useTranslation('compose');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const draft = useCompose();
  const accounts = useAccounts((s) => s.accounts);
  const preferences = useSettings((s) => s.preferences);
  const go = useNav((s) => s.go);
  const problemText = useProblemText();
  const toRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const count = useMemo(
    () => countSegments(draft.text, { encoding: draft.encoding }),
    [draft.text, draft.encoding],
  );
  // Already GSM-7 (the usual case on each keystroke): nothing to suggest, no second count.
  const gsm = count.forcingUcs2.length === 0;
  const suggestion = useMemo(
    () => (gsm ? null : suggestGsmReplacements(draft.text)),
    [gsm, draft.text],
  );

  const { accountId, set } = draft;
  useEffect(() => {
    if ((accountId === null || !accounts.some((a) => a.id === accountId)) && accounts[0])
      set({ accountId: accounts[0].id });
  }, [accounts, accountId, set]);

  // Ctrl/Cmd+N (or "Message" on a contact) asks for the first field.
  useEffect(() => {
    if (draft.focusRequest > 0) toRef.current?.focus();
  }, [draft.focusRequest]);

  const send = () =>
    void draft.send({ sender: preferences.defaultSender, country: preferences.defaultCountry });
  const errorOf = (field: ComposeField) =>
    draft.fieldError?.field === field ? problemText(draft.fieldError.problem) : null;
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form
      className="view compose"
      aria-labelledby="compose-title"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <ViewHeader title={t('title')} id="compose-title" />
      <div className="card">
        <div className="grid-2">
          <Select
            label={t('account')}
            value={draft.accountId}
            onChange={(id) => draft.set({ accountId: id })}
            options={accounts.map((a) => ({
              id: a.id,
              label: a.paused
                ? t('accountPaused', { name: a.name })
                : a.sandbox
                  ? t('accountSandbox', { name: a.name })
                  : a.name,
            }))}
          />
          <TextField
            label={t('from')}
            value={draft.from ?? preferences.defaultSender}
            onChange={(from) => draft.set({ from })}
            placeholder={t('fromPlaceholder')}
            error={errorOf('from')}
          />
          <TextField
            label={t('to')}
            value={draft.to}
            onChange={(to) => draft.set({ to })}
            placeholder={t('toPlaceholder')}
            inputMode="tel"
            error={errorOf('to')}
            inputRef={toRef}
            description={t('toDescription', {
              country: countryName(preferences.defaultCountry, language),
            })}
          />
          <Select
            label={t('encodingLabel')}
            value={draft.encoding}
            onChange={(encoding) => draft.set({ encoding })}
            options={ENCODINGS.map((e) => ({ id: e.id, label: t(e.key) }))}
          />
        </div>
        <TextField
          label={t('message')}
          multiline
          rows={7}
          value={draft.text}
          onChange={(text) => draft.set({ text })}
          placeholder={t('messagePlaceholder')}
          error={errorOf('text')}
        />
        <SegmentMeter count={count} language={language} />
        <EncodingHints
          count={count}
          suggestion={suggestion}
          canUndo={draft.beforeReplace !== null}
          onReplace={draft.replaceText}
          onUndo={draft.undoReplace}
          onUseGsmPt={() => draft.set({ encoding: 'gsm-pt' })}
        />
        <div className="actions">
          <TextField
            label={t('sendAt')}
            type="datetime-local"
            value={draft.at}
            onChange={(at) => draft.set({ at })}
            error={errorOf('at')}
            className="inline-field"
          />
          <Button type="submit" variant="primary" isDisabled={draft.sending}>
            {draft.sending ? t('queueing') : t('send')} <kbd>{t('sendShortcut')}</kbd>
          </Button>
        </div>
        {draft.sent ? (
          <p className="success" role="status" data-testid="sent-notice">
            <Trans
              t={t}
              i18nKey="sent"
              count={draft.sent.segments}
              values={{ id: draft.sent.id, to: draft.sent.to }}
              components={{ bdi: <bdi /> }}
            />{' '}
            <Button variant="link" onPress={() => go('outbox')}>
              {t('showInOutbox')}
            </Button>
          </p>
        ) : null}
      </div>
    </form>
  );
}
