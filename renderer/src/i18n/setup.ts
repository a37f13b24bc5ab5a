import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, languageFromLocale } from './languages';
import { lazyCatalogs } from './lazy-catalogs';
import { START_NAMESPACES, startResources } from './start-catalogs';

/**
 * The app's one i18next instance. The start view's catalogs are bundled (no
 * loading step), so the first render is already in the right language: the
 * system's until the saved preference arrives from the core. The other views'
 * namespaces load with their code (app/lazy-view.ts); a language switch
 * fetches every namespace loaded so far before the screen changes language.
 */
export const i18n: I18n = i18next.createInstance();

void i18n
  .use(lazyCatalogs)
  .use(initReactI18next)
  .init({
    resources: startResources,
    // Bundled resources for the start namespaces, the backend for the rest.
    partialBundledLanguages: true,
    lng: languageFromLocale(typeof navigator === 'undefined' ? undefined : navigator.language),
    fallbackLng: 'en',
    ns: START_NAMESPACES,
    defaultNS: 'common',
    // React escapes; i18next must not escape twice.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });

/** `<html lang>` always names the language on screen (screen readers pick their voice from it). */
function reflectLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
reflectLanguage(i18n.language);
i18n.on('languageChanged', reflectLanguage);

export function currentLanguage(): Language {
  return i18n.language === 'es' ? 'es' : 'en';
}

export async function switchLanguage(language: Language): Promise<void> {
  if (i18n.language !== language) await i18n.changeLanguage(language);
}
