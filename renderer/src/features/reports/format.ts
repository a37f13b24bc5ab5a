import type { Language } from '../../i18n/languages';
import { formatMoney, formatNumber, localeOf } from '../../lib/format';

/** A report day ('YYYY-MM-DD', a calendar date, no zone) as "27 Oct". */
export function formatDay(day: string, language: Language, withYear = false): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function formatRate(rate: number | null, language: Language): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(localeOf(language), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(rate);
}

/** Spend with cents, or with up to four decimals when below one unit (an SMS part costs 0.045 €). */
export function formatSpend(
  amount: number | null,
  currency: string | undefined,
  language: Language,
): string {
  if (amount === null || !currency) return '—';
  if (amount !== 0 && Math.abs(amount) < 1) {
    return new Intl.NumberFormat(localeOf(language), {
      style: 'currency',
      currency,
      maximumFractionDigits: 4,
    }).format(amount);
  }
  return formatMoney(amount, currency, language);
}

export { formatNumber };
