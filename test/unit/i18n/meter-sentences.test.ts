import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meterSentences } from '../../../renderer/src/features/compose/live/meter-sentences';
import { catalogI18n } from '../../helpers/catalog-i18n';

const i18n = catalogI18n();

function sentencesIn(language: 'en' | 'es') {
  return meterSentences(language, (key) => {
    const found =
      i18n.getResource(language, 'compose', key) ?? i18n.getResource('en', 'compose', key);
    return typeof found === 'string' ? found : undefined;
  });
}

const count = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 3_000_000 }));
const formatted = fc.string({ maxLength: 12 });

/**
 * The counter says its sentences without i18next (they are said on every
 * keystroke): each must read exactly as `t()` says it from the same catalog,
 * plural forms included (Spanish has one, many and other).
 */
describe.each(['en', 'es'] as const)('the meter’s sentences in %s', (language) => {
  const t = i18n.getFixedT(language, 'compose');
  const say = sentencesIn(language);

  it('name the encodings and the meter as the catalog does', () => {
    expect(say.encoding.gsm).toBe(t('encoding.gsm'));
    expect(say.encoding['gsm-pt']).toBe(t('encoding.gsmPt'));
    expect(say.encoding.ucs2).toBe(t('encoding.ucs2'));
    expect(say.label).toBe(t('meter.label'));
  });

  it('say every count as t() does', () => {
    fc.assert(
      fc.property(count, count, formatted, formatted, (n, max, a, b) => {
        expect(say.segments(n)).toBe(t('meter.segments', { count: n }));
        expect(say.units('gsm', n, a)).toBe(t('meter.septets', { count: n, formatted: a }));
        expect(say.units('gsm-pt', n, a)).toBe(t('meter.septets', { count: n, formatted: a }));
        expect(say.units('ucs2', n, a)).toBe(t('meter.characters', { count: n, formatted: a }));
        expect(say.left(n, b)).toBe(t('meter.left', { count: n, perPart: b }));
        expect(say.tooMany(n, max)).toBe(t('meter.tooMany', { count: n, max }));
        expect(say.valueText(a, b)).toBe(t('meter.valueText', { used: a, max: b }));
      }),
      { numRuns: 500 },
    );
  });

  it('picks the singular and the plural where they differ', () => {
    expect(say.segments(1)).toBe(language === 'en' ? '1 segment' : '1 segmento');
    expect(say.segments(2)).toBe(language === 'en' ? '2 segments' : '2 segmentos');
    expect(say.left(1, '160')).toBe(t('meter.left_one', { count: 1, perPart: '160' }));
  });
});
