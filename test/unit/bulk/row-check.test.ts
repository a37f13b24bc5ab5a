import { describe, expect, it } from 'vitest';
import { detectMapping, fieldNames } from '../../../electron/core/bulk/columns';
import { RowChecker, type RowCheckOptions } from '../../../electron/core/bulk/row-check';
import { parseTemplate } from '../../../shared/merge';

const HEADERS = ['name', 'phone', 'country'];

function checker(template: string, extra: Partial<RowCheckOptions> = {}) {
  const mapping = detectMapping(HEADERS, fieldNames(HEADERS), []);
  return new RowChecker(mapping, {
    template: parseTemplate(template),
    defaultCountry: 'ES',
    ...extra,
  });
}

describe('RowChecker', () => {
  it('renders, counts and keeps only the fields the template uses', () => {
    const out = checker('Hola {name|capitalize}').check(2, ['ana', '612 345 678', '']);
    expect(out).toMatchObject({
      ok: true,
      valid: {
        row: 2,
        recipient: '34612345678',
        countryIso: 'ES',
        text: 'Hola Ana',
        segments: 1,
        encoding: 'gsm',
      },
    });
    expect(out.ok && out.valid.fields).toEqual({ name: 'ana' });
  });

  it('uses the country column for numbers without a country code', () => {
    const out = checker('Hi').check(2, ['Amélie', '06 12 34 56 78', 'fr']);
    expect(out.ok && out.valid.recipient).toBe('33612345678');
  });

  it('names the column and gives libphonenumber’s reason for a bad number', () => {
    const out = checker('Hi').check(5, ['x', '6123', '']);
    expect(out).toMatchObject({
      ok: false,
      issue: { row: 5, code: 'invalid-number', column: 'phone' },
    });
    expect(!out.ok && out.issue.reason).toMatch(/too short/);
  });

  it('a repeated number is a duplicate of the first row that is sent, in any spelling', () => {
    const c = checker('Hi {name}');
    expect(c.check(2, ['', '612345678', '']).ok).toBe(false); // empty name: not sent
    expect(c.check(3, ['Ana', '+34 612 34 56 78', '']).ok).toBe(true);
    expect(c.check(4, ['Ana', '0034612345678', ''])).toMatchObject({
      ok: false,
      issue: { code: 'duplicate', duplicateOf: 3, reason: 'Duplicate of row 3 (+34612345678).' },
    });
  });

  it('reports suppressed and blacklisted numbers from the lookup', () => {
    const c = checker('Hi', {
      suppressed: (n) =>
        n === '34612345678' ? { blacklist: true, detail: 'on the blacklist' } : null,
    });
    expect(c.check(2, ['a', '612345678', ''])).toMatchObject({
      ok: false,
      issue: { code: 'blacklisted' },
    });
    expect(c.check(3, ['a', '612345679', '']).ok).toBe(true);
  });

  it('refuses a message over the part limit, naming the limit', () => {
    const out = checker('{name}', { maxParts: 1 }).check(2, ['x'.repeat(200), '612345678', '']);
    expect(out).toMatchObject({ ok: false, issue: { code: 'too-long' } });
    expect(!out.ok && out.issue.reason).toMatch(/2 parts but at most 1/);
  });

  it('marketing to France without the STOP text is blocked by the country rule', () => {
    const sendAt = new Date('2026-11-24T10:00:00Z'); // a Tuesday, 11:00 in Paris
    const out = checker('Promo -20% today', { marketing: true, sendAt }).check(2, [
      'a',
      '+33612345678',
      '',
    ]);
    expect(out).toMatchObject({ ok: false, issue: { code: 'blocked-by-rule' } });
    expect(!out.ok && out.issue.reason).toMatch(/STOP au/);
  });

  it('marketing to France on a Sunday is deferred to the first allowed time, not refused', () => {
    const sendAt = new Date('2026-11-22T10:00:00Z'); // a Sunday
    const out = checker('Promo -20% today. STOP au 36180', { marketing: true, sendAt }).check(2, [
      'a',
      '+33612345678',
      '',
    ]);
    expect(out.ok).toBe(true);
    expect(out.ok && new Date(out.valid.deferredUntil ?? 0).toISOString()).toBe(
      '2026-11-23T07:00:00.000Z',
    );
  });

  it('flags rows too long or too wide to be a real contact row', () => {
    expect(checker('Hi').check(9, ['a'.repeat(10_000), '612345678', ''])).toMatchObject({
      ok: false,
      issue: { row: 9, code: 'row-shape' },
    });
    const wide = Array.from({ length: 1_000 }, () => '');
    expect(checker('Hi').check(3, wide)).toMatchObject({ ok: false, issue: { code: 'row-shape' } });
  });
});
