import i18next, { type i18n as I18n } from 'i18next';
import { NAMESPACES, resources } from '../../renderer/src/i18n/catalogs';

/** The app's catalogs in an i18next instance of their own, set up as the app's (whose setup needs a DOM). */
export function catalogI18n(): I18n {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources,
    ns: NAMESPACES,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return i18n;
}
