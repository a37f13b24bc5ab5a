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

/*
 * Building an Intl formatter costs tens of microseconds, and Compose formats
 * numbers on every keystroke: each formatter is built once per language (and
 * currency). The maps are bounded by the two languages and the currencies
 * of the accounts' price lists.
 */
const numbers = new Map<Language, Intl.NumberFormat>();
const money = new Map<string, Intl.NumberFormat>();
const dateTimes = new Map<Language, Intl.DateTimeFormat>();
const regions = new Map<Language, Intl.DisplayNames>();

export function formatNumber(value: number, language: Language): string {
  // A whole number below 1,000 is its digits in both languages: the start's first frame (the
  // counter's "0 of 160") builds no formatter, and the page's first one loads ICU's locale data.
  if (Number.isInteger(value) && value >= 0 && value < 1000 && !Object.is(value, -0))
    return String(value);
  let f = numbers.get(language);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(language), grouping);
    numbers.set(language, f);
  }
  return f.format(value);
}

export function formatMoney(amount: number, currency: string, language: Language): string {
  const key = `${language} ${currency}`;
  let f = money.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(language), { ...grouping, style: 'currency', currency });
    money.set(key, f);
  }
  return f.format(amount);
}

export function formatDateTime(ms: number, language: Language): string {
  let f = dateTimes.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' });
    dateTimes.set(language, f);
  }
  return f.format(ms);
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
    let names = regions.get(language);
    if (!names) {
      names = new Intl.DisplayNames([localeOf(language)], { type: 'region' });
      regions.set(language, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The country name each language's first frame showed last, kept between starts. */
const START_NAMES_KEY = 'outpost.startCountryNames';

type StartNames = Partial<Record<Language, { code: string; name: string }>>;

function startNames(): StartNames {
  try {
    return JSON.parse(localStorage.getItem(START_NAMES_KEY) ?? '{}') as StartNames;
  } catch {
    return {};
  }
}

/**
 * The factory default country's name (DEFAULT_PREFERENCES.defaultCountry in
 * shared/domain/preferences.ts) as Intl names it, for the first frame of a
 * profile that has kept none yet: every first start of an install, and every
 * cold run of bench/renderer-start.bench.ts (bench/RESULTS.md, r11-hst).
 */
export const FACTORY_START_NAMES: Readonly<Record<Language, { code: string; name: string }>> = {
  en: { code: 'ES', name: 'Spain' },
  es: { code: 'ES', name: 'España' },
};

/**
 * A country's name for the start's first frame: the one kept by the last
 * start (rememberCountryName), else the factory default's, else countryName's.
 * The page's first Intl.DisplayNames (its first Intl formatter) loads ICU's
 * locale data, 30–80 ms cold, which the first frame then does not wait for.
 */
export function countryNameAtStart(code: string, language: Language): string {
  const known = [startNames()[language], FACTORY_START_NAMES[language]].find(
    (k) => k?.code === code,
  );
  return known ? known.name : countryName(code, language);
}

/** Keeps countryName's answer for the next start's first frame (written only when it changed). */
export function rememberCountryName(code: string, language: Language): void {
  const name = countryName(code, language);
  const kept = startNames();
  if (kept[language]?.code === code && kept[language]?.name === name) return;
  try {
    localStorage.setItem(START_NAMES_KEY, JSON.stringify({ ...kept, [language]: { code, name } }));
  } catch {
    // No storage (a private window's quota): the next start asks Intl again.
  }
}

/** A phone number stored as digits, shown with its + (E.164). */
export function phoneForDisplay(digits: string): string {
  return digits.startsWith('+') ? digits : `+${digits}`;
}
