import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Language } from '../../../i18n/languages';
import { formatSpend } from '../format';
import type { ReportRow } from './ReportTable';

interface Props {
  rows: readonly ReportRow[];
  label: string;
  currency: string;
  language: Language;
}

/** Spend per bucket in the account's currency (the series table has the same figures). */
export function SpendChart({ rows, label, currency, language }: Props) {
  const { t } = useTranslation('reports');
  const data = rows.map((r) => ({ name: r.label, spend: r.spend ?? 0 }));
  const money = (v: unknown) => formatSpend(Number(v), currency, language);
  return (
    <div className="report-chart" style={{ height: 220 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} aria-label={label} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" />
          <XAxis dataKey="name" stroke="var(--muted)" minTickGap={12} />
          <YAxis tickFormatter={money} stroke="var(--muted)" width={72} />
          <Tooltip
            formatter={money}
            contentStyle={{ background: 'var(--panel)', borderColor: 'var(--line)' }}
            cursor={{ fill: 'var(--accent-soft)' }}
          />
          <Bar
            dataKey="spend"
            name={t('columns.spend')}
            fill="var(--chart-spend)"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
