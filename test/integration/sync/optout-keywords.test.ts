import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createOptOutMatcher,
  isOptIn,
  isOptOut,
  OPT_OUT_KEYWORDS,
} from '../../../electron/core/sync/optout/keywords';

// Pure logic; kept beside the sync integration tests (this helper's folder).

const keyword = fc.constantFrom(...OPT_OUT_KEYWORDS);
const padding = fc.stringMatching(/^[\s.,;:!?¡¿'"()*\-–—…]{0,6}$/);

/** Every letter in upper or lower case, as the person typed it. */
function anyCase(word: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((flags) => [...word].map((ch, i) => (flags[i] ? ch.toLowerCase() : ch)).join(''));
}

/** Ordinary words; none of them, alone or glued to a keyword, is a keyword. */
const ordinaryWords = fc.array(
  fc.constantFrom(
    'please',
    'me',
    'now',
    'sending',
    "don't",
    'the',
    'shop',
    'by',
    'tomorrow',
    'thanks',
    'ok',
  ),
  { minLength: 1, maxLength: 4 },
);

describe('opt-out keyword matcher', () => {
  it('matches a keyword whatever its case and surrounding whitespace or punctuation', () => {
    fc.assert(
      fc.property(
        keyword.chain((k) => fc.tuple(fc.constant(k), anyCase(k), padding, padding)),
        ([k, typed, before, after]) => {
          expect(createOptOutMatcher().match(`${before}${typed}${after}`)).toBe(k);
        },
      ),
    );
  });

  it('does not treat a sentence that contains a keyword as an opt-out', () => {
    fc.assert(
      fc.property(keyword, ordinaryWords, ordinaryWords, fc.boolean(), (k, pre, post, both) => {
        const text = both
          ? `${pre.join(' ')} ${k} ${post.join(' ')}`
          : `${pre.join(' ')} ${k.toLowerCase()}`;
        expect(isOptOut(text)).toBe(false);
      }),
    );
  });

  it('never throws and only ever answers a known keyword or null, for any text', () => {
    const known = new Set(OPT_OUT_KEYWORDS);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const m = createOptOutMatcher().match(text);
        expect(m === null || known.has(m)).toBe(true);
      }),
    );
  });

  it('folds accents and spacing the way people write on phones', () => {
    expect(isOptOut('¡Bája!')).toBe(true);
    expect(isOptOut('Stop all')).toBe(true);
    expect(isOptOut('S T O P')).toBe(true);
    expect(isOptOut('\n\tunsubscribe.\n')).toBe(true);
    expect(isOptOut('')).toBe(false);
    expect(isOptOut('STOPPED')).toBe(false);
    expect(isOptOut('stop 2')).toBe(false);
  });

  it("adds the provider's own keywords", () => {
    const m = createOptOutMatcher(['Alto', 'PARAR']);
    expect(m.match('alto!')).toBe('ALTO');
    expect(m.match('Parar')).toBe('PARAR');
    expect(m.match('stop')).toBe('STOP');
    expect(isOptOut('alto')).toBe(false);
  });
});

describe('opt-out and opt-in words in English, Spanish and Portuguese', () => {
  it.each(['STOP', 'Baja', 'dar de baja', 'Cancelar', 'PARAR', 'Sair', 'pare', 'Descadastrar'])(
    '"%s" is an opt-out',
    (text) => expect(isOptOut(text)).toBe(true),
  );
  it.each(['START', 'Alta', 'dar de alta', 'Voltar', 'inscrever', 'Subscribe'])(
    '"%s" asks to hear from us again and is not an opt-out',
    (text) => {
      expect(isOptIn(text)).toBe(true);
      expect(isOptOut(text)).toBe(false);
    },
  );
  it.each(['no pares de escribirme', 'please start the order', 'alta calidad'])(
    '"%s" is a conversation, neither',
    (text) => {
      expect(isOptOut(text)).toBe(false);
      expect(isOptIn(text)).toBe(false);
    },
  );
});
