import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../shared/sms/counter';
import {
  GSM_BASIC,
  GSM_EXTENSION,
  PT_LOCKING,
  PT_SINGLE_SHIFT,
} from '../../../shared/sms/gsm-tables';
import { countSegments as countBefore } from './reference/counter-before';

/**
 * The `auto` GSM-PT hint lays out first-fit only the national choices that
 * need an escape for some character, and only when a bound says they could
 * beat the best so far. Random texts rarely stay inside the Portuguese
 * tables, so these are drawn from them alone, in the mixes where each choice
 * (single shift, locking shift, both) is the one that wins, or where a
 * choice with escapes beats the ones without; the hint must equal the
 * counter as it was (reference/).
 */

const ESC = '\u001b';
const chars = (rows: readonly string[]) => rows.flatMap((r) => [...r]).filter((c) => c !== ESC);
const basic = new Set(chars(GSM_BASIC));
const locking = new Set(chars(PT_LOCKING));
const single = new Set(PT_SINGLE_SHIFT.map(([, c]) => c));
const extension = new Set(GSM_EXTENSION.map(([, c]) => c));

const pick = (set: Iterable<string>, keep: (c: string) => boolean) => [...set].filter(keep);
/** In both basic tables: one septet whatever the choice. */
const SHARED = pick(basic, (c) => locking.has(c));
/** Only the default basic table holds them: only the single-shift choice can carry them. */
const DEFAULT_ONLY = pick(basic, (c) => !locking.has(c) && !single.has(c));
/** Portuguese letters of the locking table, also in the single shift (ç, á, ã...). */
const PT_LETTERS = pick(locking, (c) => !basic.has(c) && single.has(c));
const LOCKING_ONLY = pick(locking, (c) => !basic.has(c) && !single.has(c));
const SINGLE_ONLY = pick(single, (c) => !locking.has(c) && !basic.has(c));
const EXTENSION = [...extension];

const from = (list: string[]) => fc.constantFrom(...list);

/** A text in which some national choice may hold every character. */
const portugueseText = fc
  .tuple(
    fc.integer({ min: 0, max: 4 }),
    fc.integer({ min: 0, max: 4 }),
    fc.integer({ min: 0, max: 4 }),
    fc.integer({ min: 0, max: 4 }),
    fc.integer({ min: 0, max: 4 }),
    fc.integer({ min: 40, max: 1400 }),
  )
  .chain(([wDefault, wPt, wLocking, wSingle, wExt, length]) =>
    fc
      .array(
        fc.oneof(
          { arbitrary: from(SHARED), weight: 20 },
          { arbitrary: from(DEFAULT_ONLY), weight: wDefault },
          { arbitrary: from(PT_LETTERS), weight: wPt },
          { arbitrary: from(LOCKING_ONLY), weight: wLocking },
          { arbitrary: from(SINGLE_ONLY), weight: wSingle },
          { arbitrary: from(EXTENSION), weight: wExt },
        ),
        { minLength: length, maxLength: length },
      )
      .map((c) => c.join('')),
  );

describe('the auto GSM-PT hint against the counter before', () => {
  it('the character groups exist (else the texts below test nothing)', () => {
    for (const group of [SHARED, DEFAULT_ONLY, PT_LETTERS, LOCKING_ONLY, SINGLE_ONLY, EXTENSION]) {
      expect(group.length).toBeGreaterThan(0);
    }
  });

  it('gives the same count and hint for texts inside the Portuguese tables', () => {
    let hinted = 0;
    fc.assert(
      fc.property(portugueseText, fc.integer({ min: 1, max: 20 }), (text, maxParts) => {
        const now = countSegments(text, { maxParts });
        expect(now).toEqual(countBefore(text, { maxParts }));
        if (now.gsmPtSegments !== undefined) hinted++;
      }),
      { numRuns: 600 },
    );
    // Most of these texts are cheaper in GSM-PT: the hint itself must have been compared.
    expect(hinted).toBeGreaterThan(100);
  });
});
