import type { ComponentType, ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../lib/format';

/*
 * React Aria's locale, given at each lazy boundary (a view, Compose's React
 * Aria parts, the quick search, the toasts) rather than once around the
 * app: importing React Aria's I18nProvider runs its default-locale check
 * (Intl.DateTimeFormat.supportedLocalesOf), the first Intl call of a page,
 * which loads ICU's locale data (30–80 ms cold). The start's first frame
 * builds no Intl formatter and so does not wait for it.
 */
export function AriaLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <I18nProvider locale={localeOf(i18n.language === 'es' ? 'es' : 'en')}>{children}</I18nProvider>
  );
}

/** `Component` inside the app's React Aria locale. */
export function withAriaLocale<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  const InLocale = (props: P) => (
    <AriaLocale>
      <Component {...props} />
    </AriaLocale>
  );
  InLocale.displayName = `InAriaLocale(${Component.displayName ?? Component.name})`;
  return InLocale;
}
