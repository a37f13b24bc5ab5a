import fc from 'fast-check';
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../shared/sms/counter';
import { segmenterGraphemeBoundaries } from '../../../shared/sms/graphemes';
import { gsmMessage, mixedMessage } from './alphabets';

const RUNS = { numRuns: 400 };

const ptChars = fc.oneof(
  { arbitrary: fc.constantFrom(...'abcdeéopqrstu ,.Φ'), weight: 20 },
  { arbitrary: fc.constantFrom(...'çãõáíóúâêôÀÁÍÓÚÃÕºª`∞'), weight: 8 },
  { arbitrary: fc.constantFrom(...'€|^~{}[]\\'), weight: 4 },
);
/**
 * Portuguese text (GSM letters, Portuguese letters, extension characters), half
 * the time ending with a character no table choice can add to it: an emoji, a
 * tab, or Λ / Ñ (only in the default alphabet, so not with the locking shift).
 */
const portugueseMessage = fc
  .tuple(
    fc.array(ptChars, { maxLength: 500, size: 'max' }),
    fc.option(fc.constantFrom('😀', '\t', 'Λ', 'Ñ'), { freq: 2 }),
  )
  .map(([chars, other]) => chars.join('') + (other ?? ''));

describe('countSegments properties', () => {
  it('parts are contiguous, cover the text and add up to the units', () => {
    fc.assert(
      fc.property(mixedMessage(), fc.constantFrom('auto', 'gsm', 'gsm-pt', 'ucs2'), (text, enc) => {
        const r = countSegments(text, { encoding: enc as 'auto' });
        expect(r.parts).toHaveLength(r.segments);
        expect(r.parts.map((p) => text.slice(p.start, p.end)).join('')).toBe(text);
        expect(r.parts.reduce((sum, p) => sum + p.units, 0)).toBe(r.units);
        for (const p of r.parts) expect(p.units).toBeLessThanOrEqual(r.unitsPerSegment);
      }),
      RUNS,
    );
  });

  it('never cuts a grapheme cluster between parts', () => {
    fc.assert(
      fc.property(mixedMessage(), fc.constantFrom('auto', 'ucs2', 'gsm-pt'), (text, enc) => {
        const starts = new Set(segmenterGraphemeBoundaries(text));
        for (const p of countSegments(text, { encoding: enc as 'auto' }).parts) {
          expect(starts.has(p.start)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never needs fewer segments after a character is appended', () => {
    fc.assert(
      fc.property(mixedMessage(300), mixedMessage(3), (text, more) => {
        expect(countSegments(text + more).segments).toBeGreaterThanOrEqual(
          countSegments(text).segments,
        );
      }),
      RUNS,
    );
  });

  it('forcing UCS-2 never yields fewer segments than auto', () => {
    fc.assert(
      fc.property(mixedMessage(), (text) => {
        expect(countSegments(text, { encoding: 'ucs2' }).segments).toBeGreaterThanOrEqual(
          countSegments(text).segments,
        );
      }),
      RUNS,
    );
  });

  it('with auto, reports gsmPtSegments exactly when GSM-PT needs fewer segments', () => {
    fc.assert(
      fc.property(fc.oneof(portugueseMessage, gsmMessage()), (text) => {
        const auto = countSegments(text);
        const pt = countSegments(text, { encoding: 'gsm-pt' });
        const ptHolds = pt.forcingUcs2.length === 0;
        if (ptHolds && pt.segments < auto.segments) expect(auto.gsmPtSegments).toBe(pt.segments);
        else expect(auto.gsmPtSegments).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('lists exactly the graphemes outside GSM-7, and only picks GSM-7 when there are none', () => {
    fc.assert(
      fc.property(mixedMessage(), (text) => {
        const r = countSegments(text);
        expect(r.encoding).toBe(r.forcingUcs2.length === 0 ? 'gsm' : 'ucs2');
        for (const f of r.forcingUcs2) expect(text.startsWith(f.char, f.index)).toBe(true);
      }),
      RUNS,
    );
  });
});

/** The oracle's units: septets for GSM-7, UTF-16 code units for UCS-2. */
function oracle(text: string) {
  const m = new SegmentedMessage(text, 'auto', false);
  const bits = m.encodingName === 'GSM-7' ? 7 : 16;
  return {
    encoding: m.encodingName === 'GSM-7' ? 'gsm' : 'ucs2',
    segments: m.segmentsCount,
    units: m.messageSize / bits,
  };
}

describe('agreement with sms-segments-calculator (smart encoding off)', () => {
  it('agrees on encoding, segments and units for mixed messages', () => {
    fc.assert(
      fc.property(mixedMessage(), (text) => {
        const r = countSegments(text);
        expect({ encoding: r.encoding, segments: r.segments, units: r.units }).toEqual(
          oracle(text),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees on long GSM-7 messages with extension characters', () => {
    fc.assert(
      fc.property(gsmMessage(), (text) => {
        const r = countSegments(text);
        expect({ encoding: r.encoding, segments: r.segments, units: r.units }).toEqual(
          oracle(text),
        );
      }),
      { numRuns: 500 },
    );
  });
});
