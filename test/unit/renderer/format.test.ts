import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { effectiveLanguage, languageFromLocale } from '../../../renderer/src/i18n/languages';
import {
  countryName,
  countryNameAtStart,
  formatBytes,
  formatDateTime,
  formatMoney,
  formatNumber,
  localeOf,
  rememberCountryName,
} from '../../../renderer/src/lib/format';
import { DEFAULT_PREFERENCES } from '../../../shared/domain/preferences';

describe('numbers, money and dates in the chosen language', () => {
  it('writes money the Spanish way in Spanish and the English way in English', () => {
    expect(formatMoney(1234.56, 'EUR', 'es')).toBe('1.234,56\u00a0€');
    expect(formatMoney(1234.56, 'EUR', 'en')).toBe('€1,234.56');
  });

  it('groups thousands in Spanish even for four digits', () => {
    expect(formatNumber(1234, 'es')).toBe('1.234');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });

  it('reads back every integer it writes, in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(Number(formatNumber(n, 'es').replaceAll('.', ''))).toBe(n);
        expect(Number(formatNumber(n, 'en').replaceAll(',', ''))).toBe(n);
      }),
    );
  });

  it('writes every number exactly as Intl does, the small whole ones it writes without Intl included', () => {
    const number = fc.oneof(
      fc.integer({ min: -50, max: 1050 }),
      fc.constantFrom(-0, 0.5, 999.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY),
      fc.double({ min: -2000, max: 2000 }),
    );
    fc.assert(
      fc.property(number, fc.constantFrom('en' as const, 'es' as const), (n, language) => {
        const intl = new Intl.NumberFormat(localeOf(language), { useGrouping: 'always' });
        expect(formatNumber(n, language)).toBe(intl.format(n));
      }),
    );
  });

  it('gives the first frame the country name the last start kept, else the one Intl gives', () => {
    const kept = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => kept.get(key) ?? null,
      setItem: (key: string, value: string) => kept.set(key, value),
    });
    expect(countryNameAtStart('ES', 'en')).toBe('Spain');
    rememberCountryName('PT', 'es');
    expect(countryNameAtStart('PT', 'es')).toBe('Portugal');
    localStorage.setItem(
      'outpost.startCountryNames',
      JSON.stringify({ es: { code: 'PT', name: 'Portugal (kept)' } }),
    );
    expect(countryNameAtStart('PT', 'es')).toBe('Portugal (kept)');
    expect(countryNameAtStart('ES', 'es')).toBe('España');
    rememberCountryName('PT', 'es');
    expect(countryNameAtStart('PT', 'es')).toBe('Portugal');
    vi.unstubAllGlobals();
  });

  it("names a new profile's default country in its first frame as Intl does, without asking Intl", async () => {
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
    // A fresh module: countryName keeps the formatters the tests above built.
    vi.resetModules();
    const fresh = await import('../../../renderer/src/lib/format');
    const asked = vi.spyOn(Intl, 'DisplayNames');
    const names = (['en', 'es'] as const).map((language) =>
      fresh.countryNameAtStart(DEFAULT_PREFERENCES.defaultCountry, language),
    );
    expect(asked).not.toHaveBeenCalled();
    asked.mockRestore();
    vi.unstubAllGlobals();
    expect(names).toEqual(
      ['en', 'es'].map((l) =>
        new Intl.DisplayNames([l], { type: 'region' }).of(DEFAULT_PREFERENCES.defaultCountry),
      ),
    );
  });

  it('writes dates with a 24-hour clock and month names in the language', () => {
    const ms = Date.UTC(2026, 11, 1, 18, 5);
    expect(formatDateTime(ms, 'es')).toMatch(/dic/);
    expect(formatDateTime(ms, 'en')).toMatch(/Dec/);
    expect(formatDateTime(ms, 'en')).not.toMatch(/PM|AM/i);
  });

  it('names countries and sizes in the language', () => {
    expect(countryName('ES', 'es')).toBe('España');
    expect(countryName('ES', 'en')).toBe('Spain');
    expect(formatBytes(1536, 'es')).toBe('1,5 kB');
    expect(formatBytes(512, 'en')).toBe('512 byte');
  });
});

describe('the language of a first start', () => {
  it.each([
    ['es-ES', 'es'],
    ['es-419', 'es'],
    ['es', 'es'],
    ['ES_mx', 'es'],
    ['en-US', 'en'],
    ['pt-PT', 'en'],
    ['est', 'en'],
    [undefined, 'en'],
  ])('%s starts in %s', (locale, language) => {
    expect(languageFromLocale(locale)).toBe(language);
  });

  it('a saved choice wins over the system', () => {
    expect(effectiveLanguage('en', 'es-ES')).toBe('en');
    expect(effectiveLanguage(null, 'es-ES')).toBe('es');
  });
});
