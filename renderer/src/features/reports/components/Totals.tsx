import { useTranslation } from 'react-i18next';
import type { Language } from '../../../i18n/languages';
import { formatNumber, formatRate, formatSpend } from '../format';
import { deliveryRate } from '../store';
import type { ReportRow } from './ReportTable';

/** The range's headline figures. */
export function Totals(props: {
  totals: Omit<ReportRow, 'key' | 'label'>;
  currency: string | undefined;
  language: Language;
}) {
  const { t } = useTranslation('reports');
  const { totals, currency, language } = props;
  const items = [
    { id: 'sent', label: t('columns.sent'), value: formatNumber(totals.sent, language) },
    {
      id: 'delivered',
      label: t('columns.delivered'),
      value: formatNumber(totals.delivered, language),
    },
    { id: 'rate', label: t('columns.rate'), value: formatRate(deliveryRate(totals), language) },
    {
      id: 'spend',
      label: t('columns.spend'),
      value: formatSpend(totals.spend, currency, language),
    },
  ];
  return (
    <dl className="report-totals" data-testid="report-totals">
      {items.map((i) => (
        <div key={i.id} className="report-total" data-testid={`total-${i.id}`}>
          <dt>{i.label}</dt>
          <dd>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
