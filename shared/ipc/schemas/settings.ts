import { z } from 'zod';
import {
  DEFAULT_PREFERENCES,
  LANGUAGES,
  type PreferenceValues,
  THEMES,
} from '../../domain/preferences';

export { DEFAULT_PREFERENCES, LANGUAGES, THEMES };

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

// The plain values and the schema describe the same object.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<Preferences, PreferenceValues> = true;
void _sameShape;

export const SettingsSetRequest = Preferences.partial().strict();
