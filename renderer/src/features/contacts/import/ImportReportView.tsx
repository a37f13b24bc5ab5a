import { useTranslation } from 'react-i18next';
import { translateCoreSentence } from '../../../i18n/core-sentences';
import { formatNumber } from '../../../lib/format';
import { Table, TableBody, TableCell, TableColumn, TableHeader, TableRow } from '../../../ui/Table';
import type { ImportReport } from './store';

/** What the import will do, with every skipped or known row by number, before anything is written. */
export function ImportReportView(props: {
  report: ImportReport;
  language: 'en' | 'es';
  addExisting: boolean;
  onAddExisting: (add: boolean) => void;
}) {
  const { t } = useTranslation('contactsImport');
  const r = props.report;
  const n = (v: number) => formatNumber(v, props.language);
  const problems = [
    ...r.invalid.map((p) => ({
      id: `i${p.row}`,
      row: p.row,
      column: p.column,
      reason: translateCoreSentence(t, p.reason),
    })),
    ...r.duplicates.map((d) => ({
      id: `d${d.row}`,
      row: d.row,
      column: '',
      reason: t('report.duplicateOf', { row: d.of }),
    })),
  ].sort((a, b) => a.row - b.row);
  const skipped = r.invalidCount + r.duplicateCount;
  return (
    <div className="wizard-body" data-testid="import-report">
      <ul className="import-counts" aria-label={t('report.countsLabel')}>
        <li data-testid="import-add">
          <strong>{n(r.add)}</strong>{' '}
          {r.book
            ? t('report.addTo', { count: r.add, book: r.book.name })
            : r.tag
              ? t('report.addTagged', { count: r.add, tag: r.tag })
              : t('report.add', { count: r.add })}
          {r.book?.isNew ? <span className="muted"> · {t('report.newBook')}</span> : null}
        </li>
        <li data-testid="import-update">
          <strong>{n(r.update)}</strong> {t('report.update', { count: r.update })}
        </li>
        <li data-testid="import-unchanged">
          <strong>{n(r.unchanged)}</strong> {t('report.unchanged', { count: r.unchanged })}
          {r.book && r.alreadyInBook > 0 ? (
            <span className="muted">
              {' '}
              · {t('report.inBook', { count: r.alreadyInBook, book: r.book.name })}
            </span>
          ) : null}
          {r.tag && r.alreadyInBook > 0 ? (
            <span className="muted">
              {' '}
              · {t('report.hasTag', { count: r.alreadyInBook, tag: r.tag })}
            </span>
          ) : null}
        </li>
        <li data-testid="import-skipped">
          <strong>{n(skipped)}</strong> {t('report.skipped', { count: skipped })}
          <span className="muted">
            {' '}
            · {t('report.skippedWhy', { invalid: r.invalidCount, duplicates: r.duplicateCount })}
          </span>
        </li>
      </ul>
      {r.joinable > 0 && r.join ? (
        <label className="checkbox" data-testid="import-add-existing">
          <input
            type="checkbox"
            checked={props.addExisting}
            onChange={(e) => props.onAddExisting(e.target.checked)}
          />{' '}
          {r.join === 'tag'
            ? t('report.joinTag', { count: r.joinable, n: n(r.joinable), tag: r.tag ?? '' })
            : t(r.join === 'join' ? 'report.joinGroup' : 'report.joinMove', {
                count: r.joinable,
                n: n(r.joinable),
                book: r.book?.name ?? '',
              })}
        </label>
      ) : null}
      {problems.length > 0 ? (
        <>
          <h3>{t('report.problemsTitle')}</h3>
          <div className="table-scroll">
            <Table aria-label={t('report.problemsTitle')} data-testid="import-problems">
              <TableHeader>
                <TableColumn isRowHeader>{t('report.row')}</TableColumn>
                <TableColumn>{t('report.column')}</TableColumn>
                <TableColumn>{t('report.reason')}</TableColumn>
              </TableHeader>
              <TableBody>
                {problems.map((p) => (
                  <TableRow key={p.id} id={p.id}>
                    <TableCell>{t('report.rowN', { row: p.row })}</TableCell>
                    <TableCell>{p.column}</TableCell>
                    <TableCell>{p.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {skipped > problems.length ? (
            <p className="muted">{t('report.more', { shown: problems.length })}</p>
          ) : null}
        </>
      ) : null}
      {r.existing.length > 0 ? (
        <>
          <h3>{t('report.existingTitle')}</h3>
          <div className="table-scroll">
            <Table aria-label={t('report.existingTitle')} data-testid="import-existing">
              <TableHeader>
                <TableColumn isRowHeader>{t('report.row')}</TableColumn>
                <TableColumn>{t('report.contact')}</TableColumn>
                <TableColumn>{t('report.what')}</TableColumn>
              </TableHeader>
              <TableBody>
                {r.existing.map((e) => (
                  <TableRow key={e.row} id={e.row}>
                    <TableCell>{t('report.rowN', { row: e.row })}</TableCell>
                    <TableCell>
                      <bdi>{e.name || t('report.noName')}</bdi>
                    </TableCell>
                    <TableCell>
                      {e.change === 'update' ? t('report.willUpdate') : t('report.same')}
                      {e.inBook ? ` · ${t('report.alreadyInBook')}` : ''}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      ) : null}
    </div>
  );
}
