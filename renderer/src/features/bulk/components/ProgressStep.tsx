import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { ProgressBar } from '../../../ui/ProgressBar';
import { settledShare } from '../../jobs/store';
import type { LiveJob } from '../store';

const SHOWN = ['queued', 'sent', 'delivered', 'failed', 'unknown', 'cancelled'] as const;

/** Step 6: the job's live counts pushed from the core, with pause, resume and cancel. */
export function ProgressStep(props: {
  language: 'en' | 'es';
  job: LiveJob;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
  onOpen: () => void;
  onNew: () => void;
}) {
  const { t } = useTranslation('bulk');
  const { job, language } = props;
  const share = settledShare(job.total, job.counts);
  const open =
    job.state !== 'cancelled' && (job.counts.queued ?? 0) + (job.counts.unknown ?? 0) > 0;
  return (
    <div className="wizard-body" data-testid="job-progress">
      <p role="status" data-testid="job-state">
        {job.finished
          ? t('progress.finished')
          : job.state === 'paused'
            ? t('progress.paused')
            : job.state === 'cancelled'
              ? t('progress.cancelled')
              : open
                ? t('progress.sending')
                : t('progress.awaiting')}
      </p>
      <ProgressBar
        label={t('progress.label')}
        value={Math.round(share * job.total)}
        max={job.total}
        valueText={t('progress.valueText', {
          done: formatNumber(Math.round(share * job.total), language),
          total: formatNumber(job.total, language),
        })}
      />
      <ul className="report-counts" data-testid="job-counts">
        {SHOWN.map((k) => (
          <li key={k} data-testid={`count-${k}`}>
            {t(`progress.counts.${k}`, {
              count: job.counts[k] ?? 0,
              formatted: formatNumber(job.counts[k] ?? 0, language),
            })}
          </li>
        ))}
      </ul>
      <div className="row-actions">
        {open && job.state === 'paused' ? (
          <Button variant="primary" onPress={props.onResume}>
            {t('progress.resume')}
          </Button>
        ) : null}
        {open && job.state === 'active' ? (
          <Button onPress={props.onPause}>{t('progress.pause')}</Button>
        ) : null}
        {open ? (
          <Button variant="danger" onPress={props.onCancel}>
            {t('progress.cancel')}
          </Button>
        ) : null}
        <Button onPress={props.onOpen}>{t('progress.open')}</Button>
        <Button variant="link" onPress={props.onNew}>
          {t('progress.new')}
        </Button>
      </div>
    </div>
  );
}
