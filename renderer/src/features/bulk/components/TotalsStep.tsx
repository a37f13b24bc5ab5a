import { useTranslation } from 'react-i18next';
import { translateCoreSentence } from '../../../i18n/core-sentences';
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';
import { TextField } from '../../../ui/TextField';
import type { Analysis } from '../store';

/** Step 5: who gets what, what it costs against the balance, when it goes out, and the job's name. */
export function TotalsStep(props: {
  language: 'en' | 'es';
  analysis: Analysis;
  jobName: string;
  nameError: string | null;
  onJobName: (name: string) => void;
}) {
  const { t } = useTranslation('bulk');
  const { report: r, schedule } = props.analysis;
  const { language } = props;
  const n = (value: number) => formatNumber(value, language);
  const money = (amount: number, currency: string) => formatMoney(amount, currency, language);
  return (
    <div className="wizard-body" data-testid="totals">
      <dl className="totals">
        <dt>{t('totals.recipients')}</dt>
        <dd data-testid="total-recipients">{n(r.valid)}</dd>
        <dt>{t('totals.segments')}</dt>
        <dd data-testid="total-segments">
          {t('totals.segmentsValue', {
            min: n(r.segments.min),
            max: n(r.segments.max),
            total: n(r.segments.total),
          })}
        </dd>
        <dt>{t('totals.cost')}</dt>
        <dd data-testid="total-cost">
          {r.cost
            ? r.cost.min === r.cost.max
              ? money(r.cost.max, r.cost.currency)
              : t('totals.costRange', {
                  min: money(r.cost.min, r.cost.currency),
                  max: money(r.cost.max, r.cost.currency),
                })
            : t('totals.noCost')}
          {r.cost && !r.cost.complete ? ` ${t('totals.costIncomplete')}` : ''}
        </dd>
        <dt>{t('totals.balance')}</dt>
        <dd data-testid="total-balance">
          {r.balance
            ? `${r.balance.currency ? money(r.balance.balance, r.balance.currency) : n(r.balance.balance)} · ${r.balance.covers ? t('totals.covers') : t('totals.doesNotCover')}`
            : t('totals.noBalance')}
        </dd>
        <dt>{t('totals.when')}</dt>
        <dd data-testid="total-when">
          {schedule.mode === 'now'
            ? t('totals.now')
            : schedule.mode === 'provider'
              ? t('totals.atProvider', { when: formatDateTime(schedule.at ?? 0, language) })
              : t('totals.local', { when: formatDateTime(schedule.at ?? 0, language) })}
          {r.deferred > 0
            ? ` ${t('totals.deferred', { count: r.deferred, formatted: n(r.deferred) })}`
            : ''}
        </dd>
      </dl>
      {r.balance?.message ? (
        <Banner tone="warning" title={t('totals.balanceWarning')}>
          <p>{translateCoreSentence(t, r.balance.message)}</p>
        </Banner>
      ) : null}
      {r.costNote ? <p className="muted">{translateCoreSentence(t, r.costNote)}</p> : null}
      <TextField
        label={t('totals.jobName')}
        value={props.jobName}
        onChange={props.onJobName}
        description={t('totals.jobNameHelp')}
        error={props.nameError}
      />
    </div>
  );
}
