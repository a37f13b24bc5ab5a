import { useTranslation } from 'react-i18next';
import type { JobSummary } from '../../../../../shared/ipc/schemas/jobs';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { ProgressBar } from '../../../ui/ProgressBar';
import { Table, TableBody, TableCell, TableColumn, TableHeader, TableRow } from '../../../ui/Table';
import { type JobAction, settledShare } from '../store';

/** Can it still be paused or cancelled: something of it has not been handed to the provider. */
export function jobIsOpen(job: Pick<JobSummary, 'state' | 'counts'>): boolean {
  return job.state !== 'cancelled' && job.counts.queued + job.counts.unknown > 0;
}

export function jobStateKey(job: JobSummary): string {
  if (job.state === 'cancelled') return 'cancelled';
  if (job.finished) return 'finished';
  // Everything handed over; only delivery reports are still to come.
  if (!jobIsOpen(job) && job.state !== 'importing') return 'awaiting';
  return job.state;
}

/** Every bulk job, newest first: its state, a progress bar, and what can be done with it. */
export function JobsTable(props: {
  language: 'en' | 'es';
  jobs: JobSummary[];
  onOpen: (jobId: number) => void;
  onAction: (jobId: number, action: JobAction) => void;
}) {
  const { t } = useTranslation('jobs');
  const n = (v: number) => formatNumber(v, props.language);
  return (
    <Table aria-label={t('table.label')} data-testid="jobs-table">
      <TableHeader>
        <TableColumn isRowHeader>{t('table.name')}</TableColumn>
        <TableColumn>{t('table.state')}</TableColumn>
        <TableColumn>{t('table.progress')}</TableColumn>
        <TableColumn>{t('table.actions')}</TableColumn>
      </TableHeader>
      <TableBody items={props.jobs.map((j) => ({ ...j, id: j.jobId }))}>
        {(job) => {
          const done = Math.round(settledShare(job.total, job.counts) * job.total);
          const open = jobIsOpen(job);
          return (
            <TableRow id={job.jobId} data-testid={`job-${job.jobId}`}>
              <TableCell>
                <Button variant="link" onPress={() => props.onOpen(job.jobId)}>
                  {job.name}
                </Button>
                <br />
                <span className="muted">
                  {t('table.meta', {
                    account: job.account,
                    sender: job.sender,
                    when: formatDateTime(job.createdAt, props.language),
                  })}
                </span>
              </TableCell>
              <TableCell>
                <span className={`badge badge-${jobStateKey(job)}`} data-testid="job-state">
                  {t(`state.${jobStateKey(job)}`)}
                </span>
              </TableCell>
              <TableCell>
                <ProgressBar
                  label={t('table.progressOf', { name: job.name })}
                  value={done}
                  max={job.total}
                  valueText={t('table.progressText', { done: n(done), total: n(job.total) })}
                />
                <span className="muted">
                  {t('table.counts', {
                    sent: n(job.counts.sent + job.counts.delivered),
                    delivered: n(job.counts.delivered),
                    failed: n(job.counts.failed),
                    unknown: n(job.counts.unknown),
                  })}
                </span>
              </TableCell>
              <TableCell>
                <span className="row-actions">
                  {open && job.state === 'active' ? (
                    <Button onPress={() => props.onAction(job.jobId, 'pause')}>
                      {t('actions.pause')}
                    </Button>
                  ) : null}
                  {open && job.state === 'paused' ? (
                    <Button onPress={() => props.onAction(job.jobId, 'resume')}>
                      {t('actions.resume')}
                    </Button>
                  ) : null}
                  {open ? (
                    <Button variant="danger" onPress={() => props.onAction(job.jobId, 'cancel')}>
                      {t('actions.cancel')}
                    </Button>
                  ) : null}
                  <Button onPress={() => props.onOpen(job.jobId)}>{t('actions.open')}</Button>
                </span>
              </TableCell>
            </TableRow>
          );
        }}
      </TableBody>
    </Table>
  );
}
