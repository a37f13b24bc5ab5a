import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { translateCoreSentence } from '../../../i18n/core-sentences';
import { formatBytes, formatNumber } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { ProgressBar } from '../../../ui/ProgressBar';
import { FileStep } from '../../bulk/components/FileStep';
import type { Groups } from '../store';
import { ColumnsForm } from './ColumnsForm';
import { bookRequest, columnsRequest } from './columns';
import { ImportReportView } from './ImportReportView';
import { type ImportStep, importTotal, useContactsImport } from './store';

const STEPS: ImportStep[] = ['file', 'columns', 'report', 'done'];

/** Import contacts from a CSV into a book: file → columns and book → the check → import → summary. */
export function ImportDialog(props: { language: 'en' | 'es'; groups: Groups | null }) {
  const { t } = useTranslation('contactsImport');
  const s = useContactsImport(
    useShallow((x) => ({
      isOpen: x.isOpen,
      step: x.step,
      abilities: x.abilities,
      file: x.file,
      upload: x.upload,
      sniff: x.sniff,
      columns: x.columns,
      book: x.book,
      country: x.country,
      addExisting: x.addExisting,
      busy: x.busy,
      report: x.report,
      result: x.result,
      problem: x.problem,
    })),
  );
  const a = useContactsImport.getState();
  if (!s.isOpen || !s.abilities) return null;
  const problem = s.problem ? translateCoreSentence(t, s.problem) : null;
  const canCheck =
    s.columns !== null && columnsRequest(s.columns) !== null && bookRequest(s.book) !== null;
  const skipped = s.report ? s.report.invalidCount + s.report.duplicateCount : 0;
  const stepIndex = STEPS.indexOf(s.step);
  const total = s.report ? importTotal(s.report, s.addExisting) : 0;
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen
      isDismissable={!s.busy}
      onOpenChange={(open) => {
        if (!open) a.close();
      }}
    >
      <Modal className="modal modal-wide">
        <Dialog className="dialog import-dialog" aria-label={t('title')}>
          <Heading slot="title">{t('title')}</Heading>
          <p className="muted" data-testid="import-step">
            {t('stepOf', { n: stepIndex + 1, total: STEPS.length, name: t(`steps.${s.step}`) })}
          </p>
          {s.step === 'file' ? (
            <FileStep
              language={props.language}
              fileName={s.file?.name ?? null}
              upload={s.upload}
              problem={problem}
              sniff={s.sniff}
              onFile={(f) => void a.chooseFile(f)}
              onEncoding={(e) => void a.setEncoding(e)}
              onDelimiter={(d) => void a.setDelimiter(d)}
            />
          ) : null}
          {s.step === 'columns' && s.sniff && s.columns ? (
            <ColumnsForm
              language={props.language}
              sniff={s.sniff}
              abilities={s.abilities}
              groups={props.groups}
              columns={s.columns}
              book={s.book}
              country={s.country}
              onColumns={a.setColumns}
              onHeader={(h) => void a.setHeader(h)}
              onBook={a.setBook}
              onCountry={a.setCountry}
            />
          ) : null}
          {s.step === 'report' && s.report ? (
            <ImportReportView
              report={s.report}
              language={props.language}
              addExisting={s.addExisting}
              onAddExisting={a.setAddExisting}
            />
          ) : null}
          {s.step === 'done' && s.result ? (
            <div className="wizard-body" data-testid="import-result">
              <p role="status">
                {s.result.book
                  ? t('done.addedTo', {
                      count: s.result.added,
                      n: formatNumber(s.result.added, props.language),
                      book: s.result.book,
                    })
                  : s.result.tag
                    ? t('done.addedTagged', {
                        count: s.result.added,
                        n: formatNumber(s.result.added, props.language),
                        tag: s.result.tag,
                      })
                    : t('done.added', {
                        count: s.result.added,
                        n: formatNumber(s.result.added, props.language),
                      })}{' '}
                {t('done.updated', { count: s.result.updated })}{' '}
                {s.result.joined > 0
                  ? `${
                      s.result.tag
                        ? t('done.joinedTag', { count: s.result.joined, tag: s.result.tag })
                        : t(s.report?.join === 'join' ? 'done.joinedGroup' : 'done.joinedBook', {
                            count: s.result.joined,
                            book: s.result.book ?? '',
                          })
                    } `
                  : null}
                {t('done.skipped', { count: s.result.skipped })}
              </p>
              <p className="muted">{t('done.syncNote')}</p>
            </div>
          ) : null}
          {s.step !== 'file' && problem ? (
            <p className="error" role="alert" data-testid="import-problem">
              {problem}
            </p>
          ) : null}
          {s.busy ? (
            <div className="import-busy">
              <ProgressBar
                label={s.busy.phase === 'checking' ? t('busy.checking') : t('busy.importing')}
                value={s.busy.done}
                max={s.busy.total}
                valueText={
                  s.busy.phase === 'checking'
                    ? t('busy.bytes', {
                        done: formatBytes(s.busy.done, props.language),
                        total: formatBytes(s.busy.total, props.language),
                      })
                    : t('busy.contacts', {
                        done: formatNumber(s.busy.done, props.language),
                        total: formatNumber(s.busy.total, props.language),
                      })
                }
              />
              <Button onPress={() => void a.cancel()}>{t('cancel')}</Button>
            </div>
          ) : null}
          <div className="dialog-actions">
            {s.step === 'done' ? (
              <>
                {s.result && s.result.skipped > 0 ? (
                  <Button onPress={() => void a.downloadSkipped()}>{t('downloadSkipped')}</Button>
                ) : null}
                <Button variant="primary" onPress={a.close}>
                  {t('close')}
                </Button>
              </>
            ) : (
              <>
                <Button onPress={a.close} isDisabled={s.busy !== null}>
                  {t('cancel')}
                </Button>
                {stepIndex > 0 ? (
                  <Button
                    onPress={() => a.goTo(STEPS[stepIndex - 1] as ImportStep)}
                    isDisabled={s.busy !== null}
                  >
                    {t('back')}
                  </Button>
                ) : null}
                {s.step === 'file' ? (
                  <Button variant="primary" onPress={() => a.goTo('columns')} isDisabled={!s.sniff}>
                    {t('next')}
                  </Button>
                ) : null}
                {s.step === 'columns' ? (
                  <Button
                    variant="primary"
                    onPress={() => void a.check()}
                    isDisabled={!canCheck || s.busy !== null}
                  >
                    {t('check')}
                  </Button>
                ) : null}
                {s.step === 'report' && s.report ? (
                  <>
                    {skipped > 0 ? (
                      <Button onPress={() => void a.downloadSkipped()}>
                        {t('downloadSkipped')}
                      </Button>
                    ) : null}
                    <Button
                      variant="primary"
                      onPress={() => void a.run()}
                      isDisabled={s.busy !== null || total === 0}
                    >
                      {total === 0
                        ? t('nothingToImport')
                        : t('import', { count: total, n: formatNumber(total, props.language) })}
                    </Button>
                  </>
                ) : null}
              </>
            )}
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
