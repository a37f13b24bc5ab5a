import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../app/nav-store';
import { useProblemText } from '../../i18n/use-problem-text';
import { formatMoney, formatNumber } from '../../lib/format';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../../ui/toast-queue';
import { ViewHeader } from '../../ui/ViewHeader';
import { useAccounts } from '../accounts/store';
import { type JobAction, useJobs } from '../jobs/store';
import { useSettings } from '../settings/store';
import { ColumnsStep } from './components/ColumnsStep';
import { FileStep } from './components/FileStep';
import { MessageStep } from './components/MessageStep';
import { ProgressStep } from './components/ProgressStep';
import { AnalysisRunning, ReportStep } from './components/ReportStep';
import { TotalsStep } from './components/TotalsStep';
import { WizardSteps } from './components/WizardSteps';
import { STEPS, type Step, useBulk } from './store';

type Dialog = 'cancel' | 'send' | 'cancelJob' | null;

/** The CSV wizard: six steps from a spreadsheet export to a confirmed, costed, progressing send. */
export function BulkView() {
  const { t, i18n } = useTranslation('bulk');
  const language = i18n.language === 'es' ? 'es' : 'en';
  const w = useBulk();
  const accounts = useAccounts((s) => s.accounts);
  const preferences = useSettings((s) => s.preferences);
  const control = useJobs((s) => s.control);
  const openJob = useJobs((s) => s.open);
  const go = useNav((s) => s.go);
  const problemText = useProblemText();
  const [dialog, setDialog] = useState<Dialog>(null);

  const { message, setMessage } = w;
  useEffect(() => {
    if (
      (message.accountId === null || !accounts.some((a) => a.id === message.accountId)) &&
      accounts[0]
    )
      setMessage({ accountId: accounts[0].id });
  }, [accounts, message.accountId, setMessage]);

  const country = w.overrides.defaultCountry ?? preferences.defaultCountry;
  const sender = message.sender ?? preferences.defaultSender;
  // The default country always travels with the analysis (numbers written without +34).
  useEffect(() => {
    if (w.overrides.defaultCountry === undefined && w.file)
      void w.setOverrides({ defaultCountry: country });
  }, [w.overrides.defaultCountry, w.file, country, w.setOverrides]);

  const index = STEPS.indexOf(w.step);
  const canLeave = (step: Step): boolean => {
    if (step === 'file') return w.sniff !== null && w.sniff.roles.phone !== undefined;
    if (step === 'columns') return w.sniff?.roles.phone !== undefined;
    if (step === 'message') return message.template.trim() !== '' && message.accountId !== null;
    if (step === 'report') return w.analysis !== null && w.analysis.report.valid > 0;
    return false;
  };
  const reachable = (step: Step) => {
    if (w.job) return step === 'progress';
    const target = STEPS.indexOf(step);
    return step !== 'progress' && STEPS.slice(0, target).every(canLeave);
  };
  const next = STEPS[index + 1];
  const back = STEPS[index - 1];

  const act = async (action: JobAction) => {
    if (!w.job) return;
    const outcome = await control(w.job.jobId, action);
    showToast(problemText(outcome), 'key' in outcome ? 'info' : 'error');
  };
  const download = async () => {
    const problem = await w.downloadRejected();
    if (problem) showToast(problemText(problem), 'error');
  };
  const running = w.analysisRun.status === 'running' ? w.analysisRun : null;
  const startRunning = w.startRun.status === 'running' ? w.startRun : null;
  const runProblem =
    w.analysisRun.status === 'failed'
      ? problemText(w.analysisRun.problem)
      : w.analysisRun.status === 'cancelled'
        ? t('report.cancelled')
        : null;
  const startProblem =
    w.startRun.status === 'failed'
      ? problemText(w.startRun.problem)
      : w.startRun.status === 'cancelled'
        ? t('progress.queueCancelled')
        : null;
  const jobName = w.jobName ?? w.analysis?.suggestedName ?? '';
  const cost = w.analysis?.report.cost;

  return (
    <section className="view bulk" aria-labelledby="bulk-title">
      <ViewHeader title={t('title')} id="bulk-title">
        <p className="muted">{t('subtitle')}</p>
      </ViewHeader>
      <WizardSteps current={w.step} reachable={reachable} onGo={w.goTo} />
      <section className="card" aria-labelledby="bulk-step-title" data-testid={`step-${w.step}`}>
        <h2 id="bulk-step-title">
          {t('steps.heading', { n: index + 1, name: t(`steps.${w.step}`) })}
        </h2>
        {w.step === 'file' ? (
          <FileStep
            language={language}
            fileName={w.file?.name ?? null}
            upload={w.upload}
            problem={w.fileProblem ? problemText(w.fileProblem) : null}
            sniff={w.sniff}
            onFile={(file) => void w.chooseFile(file)}
            onEncoding={(encoding) => void w.setOverrides({ encoding })}
            onDelimiter={(delimiter) => void w.setOverrides({ delimiter })}
          />
        ) : null}
        {w.step === 'columns' && w.sniff ? (
          <ColumnsStep
            language={language}
            sniff={w.sniff}
            defaultCountry={country}
            onPhoneColumn={(phoneColumn) => void w.setOverrides({ phoneColumn })}
            onHeader={(header) => void w.setOverrides({ header, phoneColumn: undefined })}
            onCountry={(defaultCountry) => void w.setOverrides({ defaultCountry })}
          />
        ) : null}
        {w.step === 'message' && w.sniff ? (
          <MessageStep
            language={language}
            sniff={w.sniff}
            message={message}
            defaultSender={preferences.defaultSender}
            accounts={accounts.map((a) => ({
              id: a.id,
              label: a.sandbox ? t('message.accountSandbox', { name: a.name }) : a.name,
            }))}
            onChange={setMessage}
          />
        ) : null}
        {(w.step === 'report' || w.step === 'totals') && running ? (
          <AnalysisRunning
            language={language}
            progress={running.progress}
            label={t('report.checking')}
            onCancel={w.cancelRun}
          />
        ) : null}
        {(w.step === 'report' || w.step === 'totals') && runProblem ? (
          <div className="wizard-body">
            <p className="error" role="alert" data-testid="analysis-problem">
              {runProblem}
            </p>
            <Button onPress={() => void w.analyze()}>{t('report.again')}</Button>
          </div>
        ) : null}
        {w.step === 'report' && w.analysis && !running ? (
          <ReportStep
            language={language}
            report={w.analysis.report}
            phoneColumn={w.sniff?.columns[w.sniff.roles.phone?.column ?? 0] ?? ''}
            onDownload={() => void download()}
          />
        ) : null}
        {w.step === 'totals' && w.analysis && !running ? (
          <>
            <TotalsStep
              language={language}
              analysis={w.analysis}
              jobName={jobName}
              nameError={w.startField === 'jobName' ? startProblem : null}
              onJobName={w.setJobName}
            />
            {startProblem && w.startField !== 'jobName' ? (
              <p className="error" role="alert" data-testid="start-problem">
                {startProblem}
              </p>
            ) : null}
          </>
        ) : null}
        {w.step === 'progress' && startRunning ? (
          <AnalysisRunning
            language={language}
            progress={startRunning.progress}
            label={t('progress.queueing')}
            onCancel={w.cancelRun}
          />
        ) : null}
        {w.step === 'progress' && w.job ? (
          <ProgressStep
            language={language}
            job={w.job}
            onPause={() => void act('pause')}
            onResume={() => void act('resume')}
            onCancel={() => setDialog('cancelJob')}
            onOpen={() => {
              if (w.job) openJob(w.job.jobId);
              go('jobs');
            }}
            onNew={() => void w.reset()}
          />
        ) : null}
        {w.step !== 'progress' ? (
          <div className="actions wizard-actions">
            <Button onPress={() => setDialog('cancel')} isDisabled={!w.file && !w.upload}>
              {t('nav.cancel')}
            </Button>
            <span className="spacer" />
            {back ? <Button onPress={() => w.goTo(back)}>{t('nav.back')}</Button> : null}
            {w.step === 'totals' ? (
              <Button
                variant="primary"
                isDisabled={!w.analysis || running !== null || jobName.trim() === ''}
                onPress={() => setDialog('send')}
              >
                {t('nav.send', {
                  count: w.analysis?.report.valid ?? 0,
                  formatted: formatNumber(w.analysis?.report.valid ?? 0, language),
                })}
              </Button>
            ) : next ? (
              <Button
                variant="primary"
                isDisabled={!canLeave(w.step) || running !== null}
                onPress={() => w.goTo(next)}
              >
                {t('nav.next')}
              </Button>
            ) : null}
          </div>
        ) : null}
      </section>
      <ConfirmDialog
        isOpen={dialog === 'cancel'}
        title={t('confirm.cancelTitle')}
        confirmLabel={t('confirm.cancel')}
        cancelLabel={t('confirm.keep')}
        destructive
        onConfirm={() => {
          setDialog(null);
          void w.reset();
        }}
        onCancel={() => setDialog(null)}
      >
        <p>{t('confirm.cancelBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={dialog === 'send'}
        title={t('confirm.sendTitle', { name: jobName })}
        confirmLabel={t('confirm.send')}
        cancelLabel={t('confirm.notYet')}
        onConfirm={() => {
          setDialog(null);
          void w.confirm(sender);
        }}
        onCancel={() => setDialog(null)}
      >
        <p>
          {t('confirm.sendBody', {
            count: w.analysis?.report.valid ?? 0,
            formatted: formatNumber(w.analysis?.report.valid ?? 0, language),
            sender,
            cost: cost ? formatMoney(cost.max, cost.currency, language) : t('totals.noCost'),
          })}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={dialog === 'cancelJob'}
        title={t('confirm.cancelJobTitle')}
        confirmLabel={t('confirm.cancelJob')}
        cancelLabel={t('confirm.keepSending')}
        destructive
        onConfirm={() => {
          setDialog(null);
          void act('cancel');
        }}
        onCancel={() => setDialog(null)}
      >
        <p>{t('confirm.cancelJobBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
