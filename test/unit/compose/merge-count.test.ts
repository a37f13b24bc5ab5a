import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeCost, countAfterMerge } from '../../../shared/compose';
import { parseTemplate } from '../../../shared/merge';
import { countSegments } from '../../../shared/sms';

const target = (key: string, fields: Record<string, string>, countryIso = 'ES') => ({
  key,
  countryIso,
  fields,
});

describe('the counter after merge', () => {
  it('counts each recipient’s own message: min, max, total and the encoding of each', () => {
    const t = parseTemplate('Hola {first_name}, su cita es mañana a las 10.');
    const merged = countAfterMerge(t, [
      target('1', { first_name: 'Ana' }),
      target('2', { first_name: 'Maximiliano'.repeat(14) }),
      target('3', { first_name: 'Zoë 🙂' }),
    ]);
    expect(merged.segments).toEqual({ min: 1, max: 2, total: 4 });
    expect(merged.encodings).toEqual({ gsm: 2, 'gsm-pt': 0, ucs2: 1 });
    expect(merged.longestKey).toBe('2');
    expect(merged.missing).toEqual([]);
  });

  it('names the missing or blank field of each recipient instead of counting a message with a hole', () => {
    const t = parseTemplate('Hi {first_name}, your code is {code}');
    const merged = countAfterMerge(t, [
      target('1', { first_name: 'Ana', code: '42' }),
      target('2', { first_name: '  ', code: '7' }),
      target('3', { first_name: 'Luis' }),
    ]);
    expect(merged.missing.map((m) => [m.key, m.field])).toEqual([
      ['2', 'first_name'],
      ['3', 'code'],
    ]);
    expect(merged.segments).toEqual({ min: 1, max: 1, total: 1 });
  });

  it('agrees with counting every merged text on its own (fast-check)', () => {
    fc.assert(
      fc.property(
        // Literal text only: a brace in it would make another merge field ("{0}"), which
        // every recipient lacks, and a message with a missing field is rightly not counted.
        fc.string({ maxLength: 200 }).map((s) => s.replace(/[{}]/g, '')),
        fc.array(fc.string({ minLength: 1, maxLength: 80 }), { minLength: 1, maxLength: 20 }),
        (text, names) => {
          const t = parseTemplate(`${text}{name}`);
          const targets = names.map((n, i) => target(String(i), { name: n }));
          const merged = countAfterMerge(t, targets);
          const own = names
            .filter((n) => n.trim() !== '')
            .map((n) => countSegments(`${text}${n}`).segments);
          expect(merged.segments.total).toBe(own.reduce((a, b) => a + b, 0));
          if (own.length > 0) expect(merged.segments.max).toBe(Math.max(...own));
        },
      ),
    );
  });

  it('costs each recipient’s parts at its country’s price and compares with the balance', () => {
    const t = parseTemplate('{text}');
    const targets = [
      target('1', { text: 'short' }, 'ES'),
      target('2', { text: 'x'.repeat(200) }, 'PT'),
      target('3', { text: 'hi' }, 'FR'),
    ];
    const merged = countAfterMerge(t, targets);
    const prices = [
      {
        countryIso: 'ES',
        countryName: 'Spain',
        dialCode: '34',
        network: null,
        pricePerPart: 0.05,
        currency: 'EUR',
      },
      {
        countryIso: 'PT',
        countryName: 'Portugal',
        dialCode: '351',
        network: null,
        pricePerPart: 0.04,
        currency: 'EUR',
      },
    ];
    const cost = composeCost(merged, targets, { prices, currency: 'EUR', balance: 0.1 });
    expect(cost.estimate.totals.maxMicros).toBe(50_000 + 2 * 40_000);
    expect(cost.estimate.missing.map((m) => m.countryIso)).toEqual(['FR']);
    expect(cost.exceedsBalance).toBe(true);
  });
});
