import { fromMicros } from './money';

/**
 * An amount for people: at least 2 decimals, up to 4 so per-part prices like
 * 0.0868 stay visible. English locale unless told otherwise.
 */
export function formatAmount(micros: number, currency: string, locale = 'en'): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(fromMicros(micros));
}
