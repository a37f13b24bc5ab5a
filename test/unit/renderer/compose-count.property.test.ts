import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  countMessage,
  countShown,
  mergeTargets,
  previewMessage,
  rememberLastCount,
} from '../../../renderer/src/features/compose/message-count';
import type { PreviewChoice } from '../../../renderer/src/features/compose/store';
import { countAfterMerge, type MergeTarget } from '../../../shared/compose';
import { parseTemplate } from '../../../shared/merge';
import { countSegments, type EncodingChoice } from '../../../shared/sms';

// Texts that cross the encodings and the part boundaries: GSM, its extension, Portuguese, emoji.
const piece = fc.constantFrom(
  'Hola ',
  '{first_name}',
  '{last_name}',
  ', su cita es mañana. ',
  '€',
  '{',
  'ç',
  'ã',
  '🙂',
  '"',
  'x'.repeat(40),
  'ñandú ',
);
const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));
const name = fc.option(fc.constantFrom('Ana', 'José Luis', 'Zoë 🙂', 'Maximiliano', ''), {
  nil: undefined,
});
const targets = fc
  .array(fc.record({ first_name: name, last_name: name }), { maxLength: 8 })
  .map((rows): MergeTarget[] =>
    rows.map((fields, i) => ({ key: `k${i}`, countryIso: 'ES', fields })),
  );
const encoding = fc.constantFrom<EncodingChoice>('auto', 'gsm-pt', 'ucs2');
const choice = fc.oneof(
  fc.constantFrom<PreviewChoice>('first', 'longest'),
  fc.nat(9).map((i): PreviewChoice => ({ key: `k${i}` })),
);

/** What the counter showed before: every recipient merged, then the previewed one picked. */
function shownTheSlowWay(
  t: string,
  ts: readonly MergeTarget[],
  e: EncodingChoice,
  c: PreviewChoice,
) {
  const textCount = countSegments(t, { encoding: e });
  if (ts.length === 0) return textCount;
  const shown = previewMessage(countAfterMerge(parseTemplate(t), ts, { encoding: e }), c);
  return shown?.ok ? shown.count : textCount;
}

describe('the counter under the message', () => {
  it('shows the same count as merging every recipient and picking the previewed one', () => {
    fc.assert(
      fc.property(text, targets, encoding, choice, (t, ts, e, c) => {
        expect(countShown(t, ts, e, c)).toEqual(shownTheSlowWay(t, ts, e, c));
      }),
      { numRuns: 400 },
    );
  });

  it('a picked recipient’s count is theirs, not the first one’s', () => {
    const ts: MergeTarget[] = [
      { key: 'a', countryIso: 'ES', fields: { first_name: 'Ana' } },
      { key: 'b', countryIso: 'ES', fields: { first_name: 'Zoë 🙂' } },
    ];
    expect(countShown('Hola {first_name}', ts, 'auto', { key: 'b' }).encoding).toBe('ucs2');
    expect(countShown('Hola {first_name}', ts, 'auto', 'first').encoding).toBe('gsm');
  });
});

describe('the count remembered for the parts that follow the keystroke', () => {
  it('answers a run of keystrokes with the numbers of an uncached count', () => {
    const lists = [[], ...fc.sample(targets, 3)];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.nat(lists.length - 1), encoding), { maxLength: 12 }),
        (calls) => {
          const remembered = rememberLastCount();
          for (const [t, i, e] of calls)
            expect(remembered(t, lists[i] ?? [], e)).toEqual(countMessage(t, lists[i] ?? [], e));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts a text once however many parts ask, and remembers only the last one', () => {
    const count = vi.fn(countMessage);
    const remembered = rememberLastCount(count);
    const ts = mergeTargets([
      {
        key: 'a',
        countryIso: 'ES',
        fields: { first_name: 'Ana' },
        problem: null,
        suppressed: null,
      },
    ]);
    const first = remembered('Hola {first_name}', ts, 'auto');
    expect(remembered('Hola {first_name}', ts, 'auto')).toBe(first);
    expect(count).toHaveBeenCalledTimes(1);
    remembered('Hola {first_name}!', ts, 'auto');
    remembered('Hola {first_name}', ts, 'auto');
    expect(count).toHaveBeenCalledTimes(3);
    remembered('Hola {first_name}', ts, 'ucs2');
    expect(count).toHaveBeenCalledTimes(4);
  });

  it('merges for the sendable recipients only, one list per audience', () => {
    const recipients = [
      { key: 'a', countryIso: 'ES', fields: {}, problem: null, suppressed: null },
      { key: 'b', countryIso: null, fields: {}, problem: 'invalid', suppressed: null },
      {
        key: 'c',
        countryIso: 'ES',
        fields: {},
        problem: null,
        suppressed: { reason: 'opt-out-keyword' as const, since: 0, sentence: 'Replied STOP' },
      },
    ];
    const ts = mergeTargets(recipients);
    expect(ts.map((t) => t.key)).toEqual(['a']);
    expect(mergeTargets(recipients)).toBe(ts);
    expect(mergeTargets(undefined)).toEqual([]);
  });
});
