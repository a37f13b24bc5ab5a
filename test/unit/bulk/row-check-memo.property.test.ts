import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectMapping, fieldNames } from '../../../electron/core/bulk/columns';
import { RowChecker, type RowCheckOptions } from '../../../electron/core/bulk/row-check';
import { parseTemplate } from '../../../shared/merge';

/**
 * A RowChecker remembers, per job, each rendered text's segment count and
 * each (country, text)'s rules. A row checked by a
 * checker that has seen many rows before must get exactly the verdict a
 * fresh checker (empty memos) gives it: the memo only saves work.
 */

const HEADERS = ['name', 'phone', 'country'];

// Few distinct cells, so the same number, text and country come back often.
const phoneCell = fc.constantFrom(
  '612345678',
  '612 345 678',
  '+34612345678',
  '0034612345678',
  '34612345678',
  '910000000', // fixed line
  '900123456', // toll-free
  '6123', // too short
  '06 12 34 56 78',
  '+33612345678',
  '2025550143',
  '',
  'abc',
);
const name = fc.constantFrom('ana', 'LUIS', '', 'joão', 'zoë 👋', 'x'.repeat(200), 'ñ'.repeat(90));
const country = fc.constantFrom('', 'ES', 'fr', 'US', 'XX', 'PT');
const row = fc.tuple(name, phoneCell, country);

const variants: { template: string; extra: Partial<RowCheckOptions> }[] = [
  { template: 'Hola {name|capitalize}', extra: {} },
  { template: 'Oferta para {name}: 20% hoy. Baja: STOP', extra: { marketing: true } },
  { template: 'Hi {name}', extra: { maxParts: 1 } },
  { template: 'Sin campos', extra: { encoding: 'gsm' } },
];

function checker(template: string, extra: Partial<RowCheckOptions>, defaultCountry?: string) {
  const mapping = detectMapping(HEADERS, fieldNames(HEADERS), []);
  return new RowChecker(mapping, {
    template: parseTemplate(template),
    sendAt: new Date('2026-12-02T10:00:00Z'),
    ...(defaultCountry ? { defaultCountry } : {}),
    ...extra,
  });
}

describe('RowChecker memos', () => {
  it('give every row the verdict a fresh checker gives it', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 120 }),
        fc.constantFrom(...variants),
        fc.constantFrom('ES', undefined),
        (rows, { template, extra }, defaultCountry) => {
          const shared = checker(template, extra, defaultCountry);
          rows.forEach((cells, i) => {
            const fresh = checker(template, extra, defaultCountry).inspect(i + 2, cells);
            expect(shared.inspect(i + 2, cells)).toEqual(fresh);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
