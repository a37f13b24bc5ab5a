import { LANGUAGES } from '../../../shared/domain/preferences';

export type Language = (typeof LANGUAGES)[number];
export { LANGUAGES };

/** The language of a first start: Spanish for any `es-*` system locale, else English. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale && /^es(-|_|$)/i.test(locale) ? 'es' : 'en';
}

/** The language to use: the person's choice, else the system's. */
export function effectiveLanguage(choice: Language | null, systemLocale: string | undefined) {
  return choice ?? languageFromLocale(systemLocale);
}
