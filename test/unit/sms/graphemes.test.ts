import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeBoundaries, segmenterGraphemeBoundaries } from '../../../shared/sms/graphemes';
import { mixedMessage } from './alphabets';

/** Code points that exercise each rule of the fast path, plus some it must hand to Intl. */
const TRICKY = [
  '\r',
  '\n',
  '\u0000',
  '\u00ad',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2065',
  '\u0301',
  '\u0483',
  '\u20e3',
  '\ufe0f',
  '\ufe0e',
  '©',
  '‼',
  '☺',
  '❤',
  'a',
  'Ω',
  'ж',
  '中',
  '😀',
  '🏽',
  '🇵',
  '🇹',
  '🇪',
  '🏳',
  '🌈',
  '\u{e0067}',
  '\u{e007f}',
  '🏴',
  '\u{1f100}',
  'क',
  '\u094d',
  'ष',
  '각',
  '\u1100',
  '\u1161',
  '\u0600',
  '\ud800',
  '\udc00',
  '\u0e33',
];

const MORE_TRICKY = [
  'א',
  '\u05b0',
  'ب',
  '\u064b',
  '\u0670',
  'ก',
  '\u0e31',
  '\ufeff',
  '\ufff0',
  '\u180e',
  '\u034f',
  'ſ',
  '🇺',
  '🏻',
];

/** Code points from every block the state machine classifies itself. */
const FAST_BLOCKS = fc.oneof(
  fc.integer({ min: 0x0000, max: 0xffff }),
  fc.integer({ min: 0x0600, max: 0x0eff }),
  fc.integer({ min: 0x11000, max: 0x11fff }),
  fc.integer({ min: 0x1f000, max: 0x1faff }),
  fc.integer({ min: 0xe0000, max: 0xe01ff }),
);

/** Scripts whose rules need derived classes: Indic conjuncts, spacing marks, Thai AM, Hangul, prepend. */
const COMPLEX = [
  'क',
  '\u094d',
  'ष',
  'ि',
  'ा',
  '\u093c',
  'ं',
  'ः',
  'ক',
  '\u09cd',
  'ত',
  'ന',
  '\u0d4d',
  '\u0d4e',
  'ก',
  '\u0e33',
  '\u0e31',
  'ᄀ',
  'ᅡ',
  'ᆨ',
  '각',
  '가',
  '\u0600',
  'ب',
  '\u200d',
  '\u0301',
  'a',
  '\n',
  '\ud804\udc05',
  '\ud804\udc46',
  '😀',
  '\u1039',
  'က',
];

describe('grapheme boundaries', () => {
  it('match Intl.Segmenter (with CR LF split) on generated messages', () => {
    fc.assert(
      fc.property(mixedMessage(200), (text) => {
        expect(graphemeBoundaries(text)).toEqual(segmenterGraphemeBoundaries(text));
      }),
      { numRuns: 500 },
    );
  });

  it('match Intl.Segmenter on dense mixes of joiners, flags, controls and other scripts', () => {
    const tricky = fc
      .array(fc.constantFrom(...TRICKY, ...MORE_TRICKY), { maxLength: 40 })
      .map((cps) => cps.join(''));
    fc.assert(
      fc.property(tricky, (text) => {
        expect(graphemeBoundaries(text)).toEqual(segmenterGraphemeBoundaries(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('match Intl.Segmenter on code points from every block the fast path handles', () => {
    const text = fc
      .array(FAST_BLOCKS, { maxLength: 30 })
      .map((cps) => String.fromCodePoint(...cps));
    fc.assert(
      fc.property(text, (t) => {
        expect(graphemeBoundaries(t)).toEqual(segmenterGraphemeBoundaries(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('match Intl.Segmenter on Indic conjuncts, spacing marks, Hangul and prepend marks', () => {
    const text = fc.array(fc.constantFrom(...COMPLEX), { maxLength: 30 }).map((c) => c.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(graphemeBoundaries(t)).toEqual(segmenterGraphemeBoundaries(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps a Devanagari conjunct whole and a Hangul syllable sequence together', () => {
    expect(graphemeBoundaries('क्षि')).toEqual([0, 4]);
    expect(graphemeBoundaries('\u1100\u1161\u11a8')).toEqual([0, 3]);
  });

  it('match Intl.Segmenter on arbitrary Unicode, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(graphemeBoundaries(text)).toEqual(segmenterGraphemeBoundaries(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps emoji sequences whole and splits CR LF', () => {
    const family = '👨\u200d👩\u200d👧';
    expect(graphemeBoundaries(`a${family}b`)).toEqual([0, 1, 1 + family.length, 2 + family.length]);
    expect(graphemeBoundaries('🇵🇹🇪🇸')).toEqual([0, 4, 8]);
    expect(graphemeBoundaries('🇵🇹🇪')).toEqual([0, 4, 6]);
    expect(graphemeBoundaries('1\ufe0f\u20e3!')).toEqual([0, 3, 4]);
    expect(graphemeBoundaries('👍🏽x')).toEqual([0, 4, 5]);
    expect(graphemeBoundaries('e\u0301\u0323x')).toEqual([0, 3, 4]);
    expect(graphemeBoundaries('a\r\nb')).toEqual([0, 1, 2, 3, 4]);
    expect(graphemeBoundaries('\n\u0301')).toEqual([0, 1, 2]);
    expect(graphemeBoundaries('')).toEqual([0]);
  });
});
