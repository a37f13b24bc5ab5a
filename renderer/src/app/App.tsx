import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useCompose } from '../features/compose/store';
import { useQuickSearch } from '../features/search/store';
import { useSettings } from '../features/settings/store';
import { effectiveLanguage } from '../i18n/languages';
import { i18n, switchLanguage } from '../i18n/setup';
import { outpost } from '../lib/outpost';
import { subscribeToCore } from './events';
import { useNav } from './nav-store';
import { Shell } from './Shell';
import { installShortcuts } from './shortcuts';
import { applyTheme } from './theme';

/** Language and theme follow the saved preferences (the system's until they arrive). */
function usePreferencesApplied() {
  const language = useSettings((s) => s.preferences.language);
  const theme = useSettings((s) => s.preferences.theme);
  useEffect(() => {
    void switchLanguage(effectiveLanguage(language, navigator.language));
  }, [language]);
  useEffect(() => applyTheme(theme), [theme]);
}

/** Once per app start: the pushed events and the keys. */
function useAppStart() {
  useEffect(() => {
    const unsubscribe = subscribeToCore(outpost());
    const removeKeys = installShortcuts({
      go: (view) => useNav.getState().go(view),
      newMessage: () => {
        useCompose.getState().newMessage();
        useNav.getState().go('compose');
      },
      quickSearch: () => void useQuickSearch.getState().show(),
    });
    return () => {
      unsubscribe();
      removeKeys();
    };
  }, []);
}

export function App() {
  useAppStart();
  usePreferencesApplied();
  return (
    <I18nextProvider i18n={i18n}>
      {/* React Aria's locale is given at each lazy boundary (ui/AriaLocale.tsx). */}
      <Shell />
    </I18nextProvider>
  );
}
