import type { Language } from '../i18n/languages';

/**
 * Numbers, money, dates and sizes in the chosen language, through Intl only.
 * Each language maps to the region its users most likely live in (English:
 * en-GB, 24-hour clock and day-first dates, as in Spain and Portugal).
 */
const LOCALES: Record<Language, string> = { en: 'en-GB', es: 'es-ES' };

export function localeOf(language: Language): string {
  return LOCALES[language];
}

// Spanish normally leaves 4-digit numbers ungrouped ("1234"); counts and money read better grouped.
const grouping = { useGrouping: 'always' } as const;

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), grouping).format(value);
}

export function formatMoney(amount: number, currency: string, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), {
    ...grouping,
    style: 'currency',
    currency,
  }).format(amount);
}

export function formatDateTime(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(ms);
}

/** Bytes in the largest unit that keeps at least 1 (B, kB, MB, GB), one decimal. */
export function formatBytes(bytes: number, language: Language): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(localeOf(language), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A country's name in the chosen language ("ES" → "Spain" / "España"). */
export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([localeOf(language)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A phone number stored as digits, shown with its + (E.164). */
export function phoneForDisplay(digits: string): string {
  return digits.startsWith('+') ? digits : `+${digits}`;
}
