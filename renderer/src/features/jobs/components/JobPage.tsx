import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { translateCoreSentence } from '../../../i18n/core-sentences';
import { formatDateTime, formatMoney, formatNumber, phoneForDisplay } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { Meter } from '../../../ui/Meter';
import { Section } from '../../../ui/Section';
import type { JobAction, JobDetail, ProviderFigures } from '../store';
import { jobIsOpen, jobStateKey } from './JobsTable';

const FUNNEL = [
  'queued',
  'accepted',
  'delivered',
  'failed',
  'unknown',
  'waiting',
  'cancelled',
] as const;

function Funnel(props: { language: 'en' | 'es'; funnel: JobDetail['funnel'] }) {
  const { t } = useTranslation('jobs');
  const total = props.funnel.queued;
  return (
    <ul className="funnel" data-testid="funnel">
      {FUNNEL.map((step) => {
        const value = props.funnel[step];
        const text = t('funnel.value', {
          value: formatNumber(value, props.language),
          percent: total === 0 ? 0 : Math.round((value / total) * 100),
        });
        return (
          <li key={step} data-testid={`funnel-${step}`}>
            <span className="funnel-label" aria-hidden="true">
              {t(`funnel.${step}`)} <strong>{text}</strong>
            </span>
            <Meter
              label={t(`funnel.${step}`)}
              value={value}
              max={Math.max(1, total)}
              valueText={text}
            />
          </li>
        );
      })}
    </ul>
  );
}

function Failures(props: { failures: JobDetail['failures']; language: 'en' | 'es' }) {
  const { t } = useTranslation('jobs');
  if (props.failures.length === 0) return <p className="muted">{t('failures.none')}</p>;
  return (
    <ul className="failure-groups" data-testid="failures">
      {props.failures.map((f) => (
        <li key={`${f.code}-${f.reason}`}>
          <details>
            <summary>
              <strong>
                {t('failures.count', {
                  count: f.count,
                  formatted: formatNumber(f.count, props.language),
                })}
              </strong>{' '}
              {f.code ? <code>{f.code}</code> : null} {translateCoreSentence(t, f.reason)}
            </summary>
            <ul className="failure-rows">
              {f.rows.map((r) => (
                <li key={r.id}>
                  {t('failures.row', { id: r.id })} · <bdi>{phoneForDisplay(r.recipient)}</bdi>
                </li>
              ))}
              {f.count > f.rows.length ? (
                <li className="muted">{t('failures.more', { count: f.count - f.rows.length })}</li>
              ) : null}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}

function ProviderSection(props: {
  language: 'en' | 'es';
  provider: ProviderFigures | 'loading' | null;
  onLoad: () => void;
}) {
  const { t } = useTranslation('jobs');
  const p = props.provider;
  const n = (v: number) => formatNumber(v, props.language);
  return (
    <Section
      title={t('provider.title')}
      testId="provider-figures"
      actions={
        <Button onPress={() => void props.onLoad()} isDisabled={p === 'loading'}>
          {t('provider.refresh')}
        </Button>
      }
    >
      {p === null || p === 'loading' ? (
        <p className="muted" aria-live="polite">
          {t('provider.loading')}
        </p>
      ) : !p.ok ? (
        <p className="muted">
          {p.unsupported ? t('provider.unsupported') : translateCoreSentence(t, p.message)}
        </p>
      ) : !p.campaign ? (
        <p className="muted">{t('provider.noCampaign')}</p>
      ) : (
        <>
          <p>{t('provider.campaign', { name: p.campaign.name, id: p.campaign.id })}</p>
          <ul>
            {p.campaign.sendings.map((s) => (
              <li key={s.id} data-testid="provider-sending">
                {t('provider.sending', {
                  id: s.id,
                  status: s.status,
                  total: n(s.total),
                  processed: n(s.processed),
                  cost: formatMoney(s.cost, s.currency, props.language),
                })}{' '}
                {Object.entries(s.counts)
                  .filter(([, v]) => v > 0)
                  .map(([k, v]) =>
                    t('provider.counter', {
                      name: t(`provider.events.${k}`, { defaultValue: k }),
                      value: n(v),
                    }),
                  )
                  .join(' · ')}
              </li>
            ))}
          </ul>
          <p data-testid="provider-events">
            {t('provider.eventsReport', { count: p.eventsTotal, formatted: n(p.eventsTotal) })}{' '}
            {Object.entries(p.events)
              .map(([k, v]) =>
                t('provider.counter', {
                  name: t(`provider.events.${k}`, { defaultValue: k }),
                  value: n(v),
                }),
              )
              .join(' · ')}
          </p>
        </>
      )}
    </Section>
  );
}

/** One job: what became of every message, why the failures failed, cost, timing, and the provider's view. */
export function JobPage(props: {
  language: 'en' | 'es';
  detail: JobDetail | null;
  problem: string | null;
  provider: ProviderFigures | 'loading' | null;
  onLoadProvider: () => unknown;
  onAction: (action: JobAction) => void;
  onExport: () => void;
}) {
  const { t } = useTranslation('jobs');
  const { detail, language, onLoadProvider } = props;
  const jobId = detail?.job.jobId;
  // The provider's figures are asked for once when the page opens (and on "Refresh").
  useEffect(() => {
    if (jobId !== undefined) onLoadProvider();
  }, [jobId, onLoadProvider]);
  if (props.problem) return <p className="error">{props.problem}</p>;
  if (!detail) return <p className="muted">{t('page.loading')}</p>;
  const { job, timing, cost, parts } = detail;
  const open = jobIsOpen(job);
  const time = (ms: number | null) =>
    ms === null ? t('page.notYet') : formatDateTime(ms, language);
  return (
    <div className="job-page" data-testid="job-page">
      <div className="row-actions">
        <span className={`badge badge-${jobStateKey(job)}`} data-testid="job-page-state">
          {t(`state.${jobStateKey(job)}`)}
        </span>
        {open && job.state === 'active' ? (
          <Button onPress={() => props.onAction('pause')}>{t('actions.pause')}</Button>
        ) : null}
        {open && job.state === 'paused' ? (
          <Button onPress={() => props.onAction('resume')}>{t('actions.resume')}</Button>
        ) : null}
        {open ? (
          <Button variant="danger" onPress={() => props.onAction('cancel')}>
            {t('actions.cancel')}
          </Button>
        ) : null}
        <Button onPress={props.onExport}>{t('actions.export')}</Button>
      </div>
      <div className="cards">
        <Section title={t('funnel.title')} testId="funnel-section">
          <Funnel language={language} funnel={detail.funnel} />
        </Section>
        <Section title={t('summary.title')}>
          <dl className="totals">
            <dt>{t('summary.account')}</dt>
            <dd>{t('summary.accountValue', { account: job.account, sender: job.sender })}</dd>
            <dt>{t('summary.parts')}</dt>
            <dd>
              {t('summary.partsValue', {
                sent: formatNumber(parts.sent, language),
                total: formatNumber(parts.total, language),
              })}
            </dd>
            <dt>{t('summary.cost')}</dt>
            <dd data-testid="job-cost">
              {cost
                ? t('summary.costValue', {
                    spent: formatMoney(cost.spentEstimate, cost.currency, language),
                    estimate: formatMoney(cost.estimatedMax, cost.currency, language),
                  })
                : t('summary.noCost')}
            </dd>
            <dt>{t('summary.created')}</dt>
            <dd>{time(timing.createdAt)}</dd>
            <dt>{t('summary.firstSent')}</dt>
            <dd>{time(timing.firstSentAt)}</dd>
            <dt>{t('summary.lastSettled')}</dt>
            <dd>{time(timing.lastSettledAt)}</dd>
          </dl>
          <p className="muted">{t('summary.template', { template: job.template })}</p>
        </Section>
      </div>
      <Section title={t('failures.title')} testId="failures-section">
        <Failures failures={detail.failures} language={language} />
      </Section>
      <ProviderSection
        language={language}
        provider={props.provider}
        onLoad={props.onLoadProvider}
      />
    </div>
  );
}
