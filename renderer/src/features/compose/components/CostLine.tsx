import { useTranslation } from 'react-i18next';
import type { ComposeCost } from '../../../../../shared/compose';
import type { Language } from '../../../i18n/languages';
import { countryName, formatMoney } from '../../../lib/format';
import type { Pricing } from '../store';

/**
 * What the send costs at the provider's prices per destination, beside the
 * live balance, with a warning when the balance cannot cover it and the
 * countries that have no price named (never counted as free).
 */
export function CostLine(props: {
  cost: ComposeCost | null;
  pricing: Pricing | 'loading' | undefined;
  language: Language;
}) {
  const { t } = useTranslation('compose');
  const { cost, pricing, language } = props;
  if (pricing === undefined || pricing === 'loading')
    return <p className="muted cost-line">{t('cost.loading')}</p>;
  const currency = pricing.currency;
  const money = (v: number) => (currency ? formatMoney(v, currency, language) : String(v));
  const total = cost?.estimate.totals;
  const range =
    total && total.min !== total.max
      ? t('cost.range', { min: money(total.min), max: money(total.max) })
      : total
        ? money(total.max)
        : null;
  return (
    <div className="cost-line" data-testid="cost-line">
      <p>
        {range !== null && currency ? (
          <span data-testid="cost-total">{t('cost.total', { amount: range })}</span>
        ) : (
          <span className="muted">{t('cost.unknown')}</span>
        )}
        {pricing.balance !== null && currency ? (
          <span data-testid="cost-balance">
            {' · '}
            {t('cost.balance', { amount: money(pricing.balance) })}
          </span>
        ) : null}
      </p>
      {cost?.exceedsBalance ? (
        <p className="error" role="alert" data-testid="cost-warning">
          {t('cost.exceeds')}
        </p>
      ) : null}
      {cost?.estimate.missing.map((m) => (
        <p className="muted" key={m.countryIso}>
          {t('cost.noPrice', {
            country: m.countryIso ? countryName(m.countryIso, language) : t('cost.unknownCountry'),
            count: m.recipients,
          })}
        </p>
      ))}
      {pricing.note ? <p className="muted">{t('cost.note')}</p> : null}
    </div>
  );
}
