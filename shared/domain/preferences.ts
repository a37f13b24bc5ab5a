/**
 * The preference values themselves, apart from their zod schema
 * (`shared/ipc/schemas/settings.ts`): the renderer needs the defaults and the
 * languages at start, and importing a schema module would bring zod into its
 * start bundle (about 100 KiB minified) for two constants.
 */

/** The languages the app speaks; `null` follows the operating system's language. */
export const LANGUAGES = ['en', 'es'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

export interface PreferenceValues {
  language: (typeof LANGUAGES)[number] | null;
  theme: (typeof THEMES)[number];
  defaultCountry: string;
  defaultSender: string;
}

export const DEFAULT_PREFERENCES: PreferenceValues = {
  language: null,
  theme: 'system',
  defaultCountry: 'ES',
  defaultSender: 'OUTPOST',
};
