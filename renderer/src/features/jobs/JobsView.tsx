import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../app/nav-store';
import { useProblemText } from '../../i18n/use-problem-text';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { showToast } from '../../ui/toast-queue';
import { ViewHeader } from '../../ui/ViewHeader';
import { JobPage } from './components/JobPage';
import { JobsTable } from './components/JobsTable';
import { type JobAction, useJobs } from './store';

/** Every bulk job with its progress, and a job's own page. */
export function JobsView() {
  const { t, i18n } = useTranslation('jobs');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const s = useJobs();
  const go = useNav((n) => n.go);
  const problemText = useProblemText();
  const [cancelling, setCancelling] = useState<number | null>(null);
  const { load, stopWatching } = s;

  useEffect(() => {
    void load();
    return stopWatching;
  }, [load, stopWatching]);

  const act = async (jobId: number, action: JobAction) => {
    const outcome = await s.control(jobId, action);
    showToast(problemText(outcome), 'key' in outcome ? 'info' : 'error');
  };
  const onAction = (jobId: number, action: JobAction) =>
    action === 'cancel' ? setCancelling(jobId) : void act(jobId, action);
  const selectedJob = s.jobs.find((j) => j.jobId === s.selected);

  return (
    <section className="view" aria-labelledby="jobs-title">
      <ViewHeader
        title={
          s.selected !== null ? t('page.title', { name: selectedJob?.name ?? '' }) : t('title')
        }
        id="jobs-title"
      >
        {s.selected !== null ? (
          <Button onPress={() => s.open(null)}>{t('page.back')}</Button>
        ) : (
          <Button variant="primary" onPress={() => go('bulk')}>
            {t('newBulk')}
          </Button>
        )}
      </ViewHeader>
      {s.selected !== null ? (
        <JobPage
          language={language}
          detail={s.detail}
          problem={s.detailProblem ? problemText(s.detailProblem) : null}
          provider={s.provider}
          onLoadProvider={s.loadProvider}
          onAction={(action) => s.selected !== null && onAction(s.selected, action)}
          onExport={async () => {
            if (s.selected === null) return;
            const problem = await s.exportResults(s.selected);
            if (problem) showToast(problemText(problem), 'error');
          }}
        />
      ) : s.loaded && s.jobs.length === 0 ? (
        <EmptyState
          sentence={t('empty')}
          action={
            <Button variant="primary" onPress={() => go('bulk')}>
              {t('newBulk')}
            </Button>
          }
        />
      ) : (
        <JobsTable language={language} jobs={s.jobs} onOpen={s.open} onAction={onAction} />
      )}
      <ConfirmDialog
        isOpen={cancelling !== null}
        title={t('confirm.cancelTitle')}
        confirmLabel={t('confirm.cancel')}
        cancelLabel={t('confirm.keep')}
        destructive
        onConfirm={() => {
          const jobId = cancelling;
          setCancelling(null);
          if (jobId !== null) void act(jobId, 'cancel');
        }}
        onCancel={() => setCancelling(null)}
      >
        <p>{t('confirm.cancelBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
