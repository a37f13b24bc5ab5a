import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Language } from '../../../i18n/languages';
import { formatNumber } from '../format';
import type { ReportRow } from './ReportTable';

interface Props {
  rows: readonly ReportRow[];
  /** The chart's accessible name (the table below it carries the numbers). */
  label: string;
  language: Language;
  /** Bars across (time) or along (countries, senders). */
  layout: 'time' | 'groups';
}

/**
 * Sent messages per bucket or group, stacked by outcome. Colours are theme
 * variables with at least 3:1 against the card in both themes, and the legend,
 * tooltip and table name each part, so colour is never the only cue.
 */
export function OutcomeChart({ rows, label, language, layout }: Props) {
  const { t } = useTranslation('reports');
  const data = rows.map((r) => ({
    name: r.label,
    delivered: r.delivered,
    failed: r.failed,
    waiting: r.waiting + r.unknown,
  }));
  const groups = layout === 'groups';
  const height = groups ? Math.max(120, 36 * data.length + 60) : 260;
  const count = (v: unknown) => formatNumber(Number(v), language);
  return (
    <>
      {/* Our own legend: recharts' names its icons in English ("… legend icon"). */}
      <ul className="chart-legend">
        {(['delivered', 'failed', 'waiting'] as const).map((part) => (
          <li key={part}>
            <span className={`chart-swatch chart-swatch-${part}`} aria-hidden="true" />
            {t(`columns.${part}`)}
          </li>
        ))}
      </ul>
      <div className="report-chart" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout={groups ? 'vertical' : 'horizontal'}
            aria-label={label}
            margin={{ top: 8, right: 16, bottom: 8, left: groups ? 8 : 0 }}
          >
            <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" />
            {groups ? (
              <>
                <XAxis
                  type="number"
                  allowDecimals={false}
                  tickFormatter={count}
                  stroke="var(--muted)"
                />
                <YAxis type="category" dataKey="name" width={120} stroke="var(--muted)" />
              </>
            ) : (
              <>
                <XAxis dataKey="name" stroke="var(--muted)" minTickGap={12} />
                <YAxis
                  allowDecimals={false}
                  tickFormatter={count}
                  stroke="var(--muted)"
                  width={48}
                />
              </>
            )}
            <Tooltip
              formatter={count}
              contentStyle={{ background: 'var(--panel)', borderColor: 'var(--line)' }}
              cursor={{ fill: 'var(--accent-soft)' }}
            />
            <Bar
              dataKey="delivered"
              name={t('columns.delivered')}
              stackId="o"
              fill="var(--chart-delivered)"
              isAnimationActive={false}
            />
            <Bar
              dataKey="failed"
              name={t('columns.failed')}
              stackId="o"
              fill="var(--chart-failed)"
              isAnimationActive={false}
            />
            <Bar
              dataKey="waiting"
              name={t('columns.waiting')}
              stackId="o"
              fill="var(--chart-waiting)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </>
  );
}
