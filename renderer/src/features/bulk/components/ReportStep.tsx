import { useTranslation } from 'react-i18next';
import { translateCoreSentence } from '../../../i18n/core-sentences';
import { formatBytes, formatNumber } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { ProgressBar } from '../../../ui/ProgressBar';
import { Table, TableBody, TableCell, TableColumn, TableHeader, TableRow } from '../../../ui/Table';
import type { Analysis } from '../store';

type Report = Analysis['report'];

export interface AnalysisProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

/** While main reads the file: how far it is, and a way to stop. */
export function AnalysisRunning(props: {
  language: 'en' | 'es';
  progress: AnalysisProgress | null;
  label: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation('bulk');
  const p = props.progress;
  return (
    <div className="wizard-body" data-testid="analysis-running">
      <ProgressBar
        label={props.label}
        value={p?.bytesRead}
        max={p?.totalBytes}
        valueText={
          p
            ? t('report.progress', {
                rows: formatNumber(p.rows, props.language),
                read: formatBytes(p.bytesRead, props.language),
                size: formatBytes(p.totalBytes, props.language),
              })
            : t('report.starting')
        }
      />
      <p className="muted" aria-live="polite">
        {p
          ? t('report.rowsChecked', {
              count: p.rows,
              formatted: formatNumber(p.rows, props.language),
            })
          : null}
      </p>
      <Button onPress={props.onCancel}>{t('report.stop')}</Button>
    </div>
  );
}

function IssueTable(props: {
  label: string;
  testId: string;
  rows: { id: number; row: number; column: string; reason: string }[];
}) {
  const { t } = useTranslation('bulk');
  return (
    <div className="table-scroll short">
      <Table aria-label={props.label} data-testid={props.testId}>
        <TableHeader>
          <TableColumn isRowHeader>{t('report.row')}</TableColumn>
          <TableColumn>{t('report.column')}</TableColumn>
          <TableColumn>{t('report.reason')}</TableColumn>
        </TableHeader>
        <TableBody items={props.rows}>
          {(r) => (
            <TableRow id={r.id}>
              <TableCell>{r.row}</TableCell>
              <TableCell>{r.column}</TableCell>
              <TableCell>{translateCoreSentence(t, r.reason)}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}

/** Step 4: what cannot be sent and why, row by row; duplicates name the row they repeat. */
export function ReportStep(props: {
  language: 'en' | 'es';
  report: Report;
  phoneColumn: string;
  onDownload: () => void;
}) {
  const { t } = useTranslation('bulk');
  const { report: r, language } = props;
  const n = (value: number) => formatNumber(value, language);
  const rejected = r.invalidCount + r.duplicates + r.suppressed;
  return (
    <div className="wizard-body" data-testid="report">
      <ul className="report-counts" data-testid="report-counts">
        <li>{t('report.rows', { count: r.rows, formatted: n(r.rows) })}</li>
        <li className="success">{t('report.valid', { count: r.valid, formatted: n(r.valid) })}</li>
        <li>{t('report.invalid', { count: r.invalidCount, formatted: n(r.invalidCount) })}</li>
        <li>{t('report.duplicates', { count: r.duplicates, formatted: n(r.duplicates) })}</li>
        <li>{t('report.suppressed', { count: r.suppressed, formatted: n(r.suppressed) })}</li>
        <li>{t('report.deferred', { count: r.deferred, formatted: n(r.deferred) })}</li>
      </ul>
      {rejected > 0 ? (
        <p>
          <Button onPress={props.onDownload}>
            {t('report.download', { count: rejected, formatted: n(rejected) })}
          </Button>
          {r.rejectedInDownload < rejected ? (
            <span className="muted">
              {' '}
              {t('report.downloadCapped', { formatted: n(r.rejectedInDownload) })}
            </span>
          ) : null}
        </p>
      ) : (
        <p className="success">{t('report.allGood')}</p>
      )}
      {r.invalid.length > 0 ? (
        <>
          <h3>{t('report.invalidTitle')}</h3>
          <IssueTable
            label={t('report.invalidTitle')}
            testId="invalid-rows"
            rows={r.invalid.map((i, id) => ({
              id,
              row: i.row,
              column: i.column ?? '',
              reason: i.reason,
            }))}
          />
        </>
      ) : null}
      {r.duplicateRows.length > 0 ? (
        <>
          <h3>{t('report.duplicatesTitle')}</h3>
          <IssueTable
            label={t('report.duplicatesTitle')}
            testId="duplicate-rows"
            rows={r.duplicateRows.map((d, id) => ({
              id,
              row: d.row,
              column: props.phoneColumn,
              reason: t('report.duplicateOf', { row: d.of }),
            }))}
          />
        </>
      ) : null}
      {r.suppressedRows.length > 0 ? (
        <>
          <h3>{t('report.suppressedTitle')}</h3>
          <IssueTable
            label={t('report.suppressedTitle')}
            testId="suppressed-rows"
            rows={r.suppressedRows.map((i, id) => ({
              id,
              row: i.row,
              column: i.column ?? '',
              reason: i.reason,
            }))}
          />
        </>
      ) : null}
      {r.warnings.length > 0 || r.deferred > 0 ? (
        <>
          <h3>{t('report.rulesTitle')}</h3>
          <ul data-testid="rule-warnings">
            {r.deferred > 0 ? (
              <li>{t('report.deferredHelp', { count: r.deferred, formatted: n(r.deferred) })}</li>
            ) : null}
            {r.warnings.map((w) => (
              <li key={w.code}>
                {t('report.warning', { count: w.rows, formatted: n(w.rows), first: w.firstRow })}{' '}
                {translateCoreSentence(t, w.message)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
