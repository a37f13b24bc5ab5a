import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments, type EncodingChoice } from '../../../shared/sms/counter';
import { EMOJI_ATOMS, mixedMessage } from './alphabets';
import { countSegments as countBefore } from './reference/counter-before';

/**
 * `forcingUcs2` is built only when read: from the walk's scratch buffers if
 * no count came in between, else by walking the text again. A count read
 * after later counts (as the renderer may do with the count it keeps in
 * state) must still hold its own text's graphemes, and the
 * result must look like a plain object to everything that copies it: JSON,
 * structured clone (IPC), spreading, key order.
 */

const hindi = fc
  .array(fc.constantFrom(...'आपका पार्सल तैयार है क्षत्रिय स्त्री ज़ ।'.split(' ')), {
    maxLength: 300,
  })
  .map((p) => p.join(' '));
const emoji = fc
  .array(fc.constantFrom(...EMOJI_ATOMS, 'ação ', 'a'), { maxLength: 400 })
  .map((p) => p.join(''));
const anyText = fc.oneof(mixedMessage(), hindi, emoji);
const choice = fc.constantFrom<EncodingChoice>('auto', 'gsm', 'ucs2');

describe('forcingUcs2 built on first read', () => {
  it('holds its own text after later counts reused the buffers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, choice), { minLength: 2, maxLength: 5 }), (texts) => {
        const counts = texts.map(([text, encoding]) => countSegments(text, { encoding }));
        // Read in reverse: every count but the last was overtaken by the later ones.
        for (let k = texts.length - 1; k >= 0; k--) {
          const [text, encoding] = texts[k] as [string, EncodingChoice];
          expect(counts[k]?.forcingUcs2).toEqual(countBefore(text, { encoding }).forcingUcs2);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('copies like a plain object: JSON, structured clone, spread, key order', () => {
    fc.assert(
      fc.property(anyText, choice, (text, encoding) => {
        const now = countSegments(text, { encoding });
        const before = countBefore(text, { encoding });
        expect(JSON.stringify(now)).toBe(JSON.stringify(before));
        expect(structuredClone(now)).toEqual(before);
        expect({ ...now }).toEqual(before);
        expect(Object.keys(now)).toEqual(Object.keys(before));
      }),
      { numRuns: 300 },
    );
  });

  it('can be replaced like a data property', () => {
    const count = countSegments('Olá 👋');
    count.forcingUcs2 = [];
    expect(count.forcingUcs2).toEqual([]);
    expect(JSON.parse(JSON.stringify(count)).forcingUcs2).toEqual([]);
  });
});
