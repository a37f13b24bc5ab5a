import { z } from 'zod';

/** The languages the app speaks; `null` follows the operating system's language. */
export const LANGUAGES = ['en', 'es'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

/** A person's preferences, kept in the profile's database (so the app, the web renderer and the CLI agree). */
export const Preferences = z.object({
  language: z.enum(LANGUAGES).nullable(),
  theme: z.enum(THEMES),
  /** ISO 3166 country for numbers written without a +country prefix. */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as ES.'),
  /** The sender a new message starts with (up to 11 letters or 15 digits; empty for none). */
  defaultSender: z.string().trim().max(15),
});
export type Preferences = z.infer<typeof Preferences>;

export const DEFAULT_PREFERENCES: Preferences = {
  language: null,
  theme: 'system',
  defaultCountry: 'ES',
  defaultSender: '',
};

export const SettingsSetRequest = Preferences.partial().strict();
