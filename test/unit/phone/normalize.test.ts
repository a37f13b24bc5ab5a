import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../shared/phone';

describe('normalizePhone: accepted spellings', () => {
  it.each([
    ['666 555 444', 'ES', 'national'],
    ['666-555-444', 'ES', 'national'],
    ['666.55.54.44', 'ES', 'national'],
    ['(666) 555 444', 'ES', 'national'],
    ['+34 666 555 444', 'ES', 'international'],
    ['+34666555444', undefined, 'international'],
    ['0034 666 555 444', 'FR', 'international'],
    ['0034666555444', undefined, 'international'],
    ['34666555444', 'ES', 'provider-form'],
    ['34666555444', undefined, 'provider-form'],
    ['34666555444', 'FR', 'provider-form'],
    ['  +34\u00a0666 555 444 ', undefined, 'international'],
    ['tel:+34-666-555-444', undefined, 'international'],
    ["'+34666555444", undefined, 'international'],
    ["'666555444", 'ES', 'national'],
  ] as const)('reads %j (default %s) as +34666555444', (input, country, readAs) => {
    const result = normalizePhone(input, country ? { defaultCountry: country } : {});
    expect(result).toMatchObject({
      ok: true,
      provider: '34666555444',
      e164: '+34666555444',
      countryIso: 'ES',
      dialCode: '34',
      nationalNumber: '666555444',
      readAs,
    });
  });

  it('reads national numbers with a trunk prefix in the default country', () => {
    expect(normalizePhone('06 12 34 56 78', { defaultCountry: 'FR' })).toMatchObject({
      ok: true,
      e164: '+33612345678',
      provider: '33612345678',
    });
    expect(normalizePhone('07400 123456', { defaultCountry: 'gb' })).toMatchObject({
      ok: true,
      e164: '+447400123456',
      countryIso: 'GB',
    });
  });

  it('drops the national trunk 0 written in brackets after the country code', () => {
    expect(normalizePhone('+44 (0) 7400 123456')).toMatchObject({
      ok: true,
      e164: '+447400123456',
    });
    expect(normalizePhone('+33 (0)6 12 34 56 78')).toMatchObject({
      ok: true,
      e164: '+33612345678',
    });
    // Italy keeps its leading 0 inside the international number.
    expect(normalizePhone('+39 06 1234 5678')).toMatchObject({ ok: true, e164: '+390612345678' });
  });

  it('tells mobile from fixed lines where the numbering plan knows', () => {
    const type = (input: string, country?: string) => {
      const r = normalizePhone(input, country ? { defaultCountry: country } : {});
      return r.ok ? r.lineType : r.reason;
    };
    expect(type('666555444', 'ES')).toBe('mobile');
    expect(type('912345678', 'ES')).toBe('fixed');
    expect(type('+33 1 23 45 67 89')).toBe('fixed');
    expect(type('+33 6 12 34 56 78')).toBe('mobile');
    // North American numbering does not separate mobile from fixed ranges.
    expect(type('+1 212 555 0123')).toBe('fixed-line-or-mobile');
    expect(type('+34 900 123 456')).toBe('toll-free');
    expect(type('+57 321 1234567')).toBe('mobile');
  });

  it('keeps numbers of non-geographic codes, with no country', () => {
    expect(normalizePhone('+800 1234 5678')).toMatchObject({
      ok: true,
      countryIso: null,
      dialCode: '800',
      provider: '80012345678',
    });
  });
});

describe('normalizePhone: rejected input says why', () => {
  it.each([
    ['', 'ES', 'empty'],
    ['   ', 'ES', 'empty'],
    ['3.46666E+10', 'ES', 'scientific-notation'],
    ['3,46666E+10', 'ES', 'scientific-notation'],
    ['3.46666e10', undefined, 'scientific-notation'],
    ['call me', 'ES', 'not-a-number'],
    ['666 555 444 ext 2', 'ES', 'not-a-number'],
    ['1-800-FLOWERS', 'US', 'not-a-number'],
    ['+34 666 555 444 +1', undefined, 'not-a-number'],
    ['666555', 'ES', 'too-short'],
    ['+34 666 55', undefined, 'too-short'],
    ['6665554441234', 'ES', 'too-long'],
    ['+34 666 555 444 123', undefined, 'too-long'],
    ['+999 1234567', undefined, 'invalid-country-code'],
    ['00999 1234567', 'ES', 'invalid-country-code'],
    ['+34 123 456 789', undefined, 'invalid-number'],
    ['123456789', 'ES', 'invalid-number'],
    ['666555444', undefined, 'missing-country'],
  ] as const)('%j (default %s) -> %s', (input, country, reason) => {
    const result = normalizePhone(input, country ? { defaultCountry: country } : {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    expect(result.message.length).toBeGreaterThan(20);
  });

  it('names the lost digits for Excel scientific notation', () => {
    const r = normalizePhone('3.46666E+10', { defaultCountry: 'ES' });
    expect(r.ok || r.message).toMatch(/scientific notation.*format the column as text/);
  });

  it('names the country it assumed when digits had no prefix', () => {
    const r = normalizePhone('666555', { defaultCountry: 'ES' });
    expect(r.ok || r.message).toMatch(/Spain.*too short/);
  });

  it('rejects an unknown default country as a programming error', () => {
    expect(() => normalizePhone('666555444', { defaultCountry: 'XX' })).toThrow(/default country/);
  });
});
