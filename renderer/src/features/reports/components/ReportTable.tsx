import { useTranslation } from 'react-i18next';
import type { Language } from '../../../i18n/languages';
import { formatNumber, formatRate, formatSpend } from '../format';
import { deliveryRate } from '../store';

export interface ReportRow {
  key: string;
  label: string;
  sent: number;
  delivered: number;
  failed: number;
  waiting: number;
  unknown: number;
  parts: number;
  spend: number | null;
}

interface Props {
  caption: string;
  /** The first column's header: "Day", "Country", "Sender". */
  firstColumn: string;
  rows: readonly ReportRow[];
  currency: string | undefined;
  language: Language;
  testId: string;
}

/**
 * The figures behind a chart as a real table (caption, column and row headers),
 * so every number can be read with a screen reader or copied. Scrolls inside
 * its own box, which takes focus so the keyboard can scroll it too.
 */
export function ReportTable({ caption, firstColumn, rows, currency, language, testId }: Props) {
  const { t } = useTranslation('reports');
  const n = (v: number) => formatNumber(v, language);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="report-table" aria-label={caption} tabIndex={0}>
      <table className="data-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            <th scope="col">{t('columns.sent')}</th>
            <th scope="col">{t('columns.delivered')}</th>
            <th scope="col">{t('columns.failed')}</th>
            <th scope="col">{t('columns.waiting')}</th>
            <th scope="col">{t('columns.rate')}</th>
            <th scope="col">{t('columns.parts')}</th>
            <th scope="col">{t('columns.spend')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{n(r.sent)}</td>
              <td>{n(r.delivered)}</td>
              <td>{n(r.failed)}</td>
              <td>{n(r.waiting + r.unknown)}</td>
              <td>{formatRate(deliveryRate(r), language)}</td>
              <td>{n(r.parts)}</td>
              <td>{formatSpend(r.spend, currency, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
