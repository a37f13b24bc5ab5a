import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../app/nav-store';
import { countryName, formatDateTime } from '../../lib/format';
import { isolate } from '../../lib/isolate';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Section } from '../../ui/Section';
import { ViewHeader } from '../../ui/ViewHeader';
import { useAccounts } from '../accounts/store';
import { useCompose } from '../compose/store';
import { OutcomeChart } from './components/OutcomeChart';
import { ReportControls } from './components/ReportControls';
import { type ReportRow, ReportTable } from './components/ReportTable';
import { SpendChart } from './components/SpendChart';
import { Totals } from './components/Totals';
import { formatDay } from './format';
import { type Summary, useReports } from './store';

function rowsOf(summary: Summary, language: 'en' | 'es') {
  const series: ReportRow[] = summary.series.map((b) => ({
    ...b,
    key: b.start,
    label: formatDay(b.start, language),
  }));
  const countries: ReportRow[] = summary.byCountry.map((c) => ({
    ...c,
    key: c.country ?? 'none',
    label: c.country ? countryName(c.country, language) : '',
  }));
  const senders: ReportRow[] = summary.bySender.map((s) => ({
    ...s,
    key: s.sender,
    label: s.sender,
  }));
  // The chart reads left to right in time; the table starts with today, which is what people look for.
  return { series, newestFirst: [...series].reverse(), countries, senders };
}

/** Messages, outcomes and spend for one account, from what this computer has recorded. */
export function ReportsView() {
  const { t, i18n } = useTranslation('reports');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const accounts = useAccounts((s) => s.accounts);
  const { accountId, range, bucket, summary, error, pricesProblem, choose, load, stopWatching } =
    useReports();
  const go = useNav((s) => s.go);
  const newMessage = useCompose((s) => s.newMessage);

  useEffect(() => {
    if ((accountId === null || !accounts.some((a) => a.id === accountId)) && accounts[0])
      choose({ accountId: accounts[0].id });
  }, [accounts, accountId, choose]);
  useEffect(() => {
    void load();
    return stopWatching;
  }, [load, stopWatching]);

  const rows = useMemo(() => (summary ? rowsOf(summary, language) : null), [summary, language]);
  const noCountry = t('noCountry');
  const currency = summary?.prices?.currency;
  const seriesTitle = bucket === 'day' ? t('series.titleDay') : t('series.titleWeek');
  const firstColumn = bucket === 'day' ? t('columns.day') : t('columns.week');

  return (
    <div className="view reports">
      <ViewHeader title={t('title')} />
      <ReportControls
        accounts={accounts}
        accountId={accountId}
        range={range}
        bucket={bucket}
        onChange={choose}
      />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {summary && rows ? (
        <>
          <p className="muted" data-testid="report-period">
            {t('period', {
              from: formatDay(summary.from, language, true),
              to: formatDay(summary.to, language, true),
            })}
          </p>
          {summary.totals.sent === 0 ? (
            <EmptyState
              sentence={t('empty', { count: range })}
              action={
                <Button
                  variant="primary"
                  onPress={() => {
                    newMessage();
                    go('compose');
                  }}
                >
                  {t('emptyAction')}
                </Button>
              }
            />
          ) : (
            <>
              <Totals totals={summary.totals} currency={currency} language={language} />
              <Section title={seriesTitle} testId="report-series">
                <OutcomeChart
                  rows={rows.series}
                  label={seriesTitle}
                  language={language}
                  layout="time"
                />
                <ReportTable
                  caption={seriesTitle}
                  firstColumn={firstColumn}
                  rows={rows.newestFirst}
                  currency={currency}
                  language={language}
                  testId="report-series-table"
                />
              </Section>
              <Section title={t('spend.title')} testId="report-spend">
                {currency ? (
                  <SpendChart
                    rows={rows.series}
                    label={t('spend.title')}
                    currency={currency}
                    language={language}
                  />
                ) : null}
                <SpendNote summary={summary} problem={pricesProblem} language={language} />
              </Section>
              <Section title={t('byCountry.title')} testId="report-country">
                <OutcomeChart
                  rows={rows.countries.map((r) => ({ ...r, label: r.label || noCountry }))}
                  label={t('byCountry.title')}
                  language={language}
                  layout="groups"
                />
                <ReportTable
                  caption={t('byCountry.title')}
                  firstColumn={t('columns.country')}
                  rows={rows.countries.map((r) => ({ ...r, label: r.label || noCountry }))}
                  currency={currency}
                  language={language}
                  testId="report-country-table"
                />
              </Section>
              <Section title={t('bySender.title')} testId="report-sender">
                <OutcomeChart
                  rows={rows.senders}
                  label={t('bySender.title')}
                  language={language}
                  layout="groups"
                />
                <ReportTable
                  caption={t('bySender.title')}
                  firstColumn={t('columns.sender')}
                  rows={rows.senders}
                  currency={currency}
                  language={language}
                  testId="report-sender-table"
                />
              </Section>
            </>
          )}
          <Section title={t('definitions.title')} testId="report-definitions">
            <dl className="definitions">
              <dt>{t('columns.sent')}</dt>
              <dd>{t('definitions.sent')}</dd>
              <dt>{t('columns.delivered')}</dt>
              <dd>{t('definitions.delivered')}</dd>
              <dt>{t('columns.failed')}</dt>
              <dd>{t('definitions.failed')}</dd>
              <dt>{t('columns.waiting')}</dt>
              <dd>{t('definitions.waiting')}</dd>
              <dt>{t('columns.rate')}</dt>
              <dd>{t('definitions.rate')}</dd>
              <dt>{t('columns.spend')}</dt>
              <dd>{t('definitions.spend')}</dd>
            </dl>
            <p className="muted">{t('definitions.local')}</p>
          </Section>
        </>
      ) : accounts.length === 0 ? (
        <EmptyState sentence={t('noAccount')} />
      ) : null}
    </div>
  );
}

/** Where the spend figures come from, and why they are missing when they are. */
function SpendNote(props: { summary: Summary; problem: string | null; language: 'en' | 'es' }) {
  const { t } = useTranslation('reports');
  const { summary, problem, language } = props;
  if (!summary.pricesAvailable) return <p className="muted">{t('spend.noPriceList')}</p>;
  if (!summary.prices) {
    return (
      <p className="muted" data-testid="spend-note">
        {problem
          ? t('spend.notReadYetOffline', { reason: isolate(problem) })
          : t('spend.notReadYet')}
      </p>
    );
  }
  return (
    <p className="muted" data-testid="spend-note">
      {t('spend.basis', {
        date: formatDateTime(summary.prices.readAt, language),
        currency: summary.prices.currency,
      })}
      {summary.totals.unpriced > 0
        ? ` ${t('spend.unpriced', { count: summary.totals.unpriced })}`
        : ''}
      {problem ? ` ${t('spend.refreshFailed')}` : ''}
    </p>
  );
}
