import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILTERS } from '../../../shared/merge/filters';
import { renderTemplate } from '../../../shared/merge/render';
import { parseTemplate } from '../../../shared/merge/template';

const fieldName = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/).filter((n) => n !== 'constructor');
/** Values as they come from a CSV: any text without braces, at least one visible character. */
const value = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
  .filter((v) => !/[{}]/.test(v) && v.trim() !== '');
const literal = fc.string({ maxLength: 20 }).filter((s) => !/[{}]/.test(s));

describe('rendering properties', () => {
  it('replaces every {field} by its value and keeps the text around it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fieldName, value), {
          selector: ([n]) => n,
          minLength: 1,
          maxLength: 5,
        }),
        fc.array(literal, { minLength: 6, maxLength: 6 }),
        (pairs, texts) => {
          const source = pairs.map(([n], i) => `${texts[i]}{${n}}`).join('') + texts[5];
          const expected = pairs.map(([, v], i) => `${texts[i]}${v}`).join('') + texts[5];
          const t = parseTemplate(source);
          expect(t.fields).toEqual(pairs.map(([n]) => n));
          expect(renderTemplate(t, Object.fromEntries(pairs))).toEqual({
            ok: true,
            text: expected,
          });
        },
      ),
    );
  });

  it('names the missing field whenever a row lacks one the template uses', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fieldName, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        value,
        (names, pick, v) => {
          const missing = names[pick % names.length] as string;
          const row = Object.fromEntries(names.filter((n) => n !== missing).map((n) => [n, v]));
          const r = renderTemplate(parseTemplate(names.map((n) => `{${n}}`).join(' ')), row);
          expect(r).toMatchObject({ ok: false, error: { field: missing, reason: 'missing' } });
        },
      ),
    );
  });

  it('text without placeholders renders to itself', () => {
    fc.assert(
      fc.property(literal, (text) => {
        expect(renderTemplate(parseTemplate(text), {})).toEqual({ ok: true, text });
      }),
    );
  });

  it('number formats group by thousands and keep every digit', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.option(fc.stringMatching(/^\d{1,4}$/)),
        (int, frac) => {
          const raw = frac === null ? `${int}` : `${int}.${frac}`;
          const dotComma = FILTERS.formatDotComma(raw);
          const commaDot = FILTERS.formatCommaDot(raw);
          expect(dotComma.replaceAll('.', '').replace(',', '.')).toBe(raw);
          expect(commaDot.replaceAll(',', '')).toBe(raw);
          const groups = commaDot.replace(/^-/, '').split('.')[0]?.split(',') ?? [];
          expect(groups.slice(1).every((g) => g.length === 3)).toBe(true);
          expect((groups[0] ?? '').length).toBeGreaterThanOrEqual(1);
          expect((groups[0] ?? '').length).toBeLessThanOrEqual(3);
        },
      ),
    );
  });

  it('capitalize filters only change letters into their capitals', () => {
    // Letters whose case maps round-trip one to one (not ß, not ŉ, not ϴ).
    const roundTrips = (v: string) =>
      [...v].every(
        (c) =>
          c.toUpperCase().length === c.length &&
          c.toUpperCase().toLowerCase() === c.toLowerCase() &&
          c.toLowerCase().toUpperCase() === c.toUpperCase(),
      );
    fc.assert(
      fc.property(value.filter(roundTrips), (v) => {
        expect(FILTERS.upper(FILTERS.lower(v))).toBe(FILTERS.upper(v));
        expect(FILTERS.lower(FILTERS.capitalizeAll(v))).toBe(FILTERS.lower(v));
        expect(FILTERS.lower(FILTERS.capitalize(v))).toBe(FILTERS.lower(v));
        const first = /\p{L}/u.exec(v);
        if (first)
          expect(FILTERS.capitalize(v).charAt(first.index)).toBe(first[0].toUpperCase().charAt(0));
      }),
    );
  });
});
