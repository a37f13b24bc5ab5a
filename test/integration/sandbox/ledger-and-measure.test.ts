import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger, type LedgerApi, type LedgerEntry } from '../../../electron/sandbox/ledger';
import { measureMessage } from '../../../electron/sandbox/nrs/length';
import { countSegments } from '../../../shared/sms';

type Recorded = Omit<LedgerEntry, 'times'>;

/** The ledger's rule written the plain way: one JSON key per (api, digits, campaign, text). */
function reference(records: Recorded[]): LedgerEntry[] {
  const entries = new Map<string, LedgerEntry>();
  for (const r of records) {
    const key = JSON.stringify([r.api, r.to.replace(/^\+/, ''), r.campaignName ?? '', r.text]);
    const seen = entries.get(key);
    if (seen) seen.times += 1;
    else entries.set(key, { ...r, times: 1 });
  }
  return [...entries.values()];
}

// Few numbers, campaigns and texts, so that repeats (duplicate sends) are common.
const record: fc.Arbitrary<Recorded> = fc
  .record({
    api: fc.constantFrom<LedgerApi>('nrs', 'action'),
    digits: fc.constantFrom('34600000001', '34600000002', '4915100000003'),
    plus: fc.boolean(),
    text: fc.constantFrom('Hola', 'Hola ', 'Olá 😀', ''),
    parts: fc.integer({ min: 1, max: 3 }),
    campaignName: fc.option(fc.constantFrom('', 'a', 'b'), { nil: undefined }),
    n: fc.nat(),
  })
  .map(({ digits, plus, n, campaignName, ...r }) => ({
    api: r.api,
    to: plus ? `+${digits}` : digits,
    messageId: `M${n}`,
    text: r.text,
    parts: r.parts,
    ...(campaignName === undefined ? {} : { campaignName }),
    at: `2026-01-01T09:00:0${n % 10}+00:00`,
  }));

describe('the sandbox ledger', () => {
  it('lists what the plain (api, digits, campaign, text) rule gives, in order and with the same keys', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const ledger = new Ledger();
        for (const r of records) ledger.record(r);
        // Compared as JSON: the CLI and the transcript test read the keys in this order.
        expect(JSON.stringify(ledger.list())).toBe(JSON.stringify(reference(records)));
      }),
    );
  });

  it('hands out copies: changing a listed entry changes nothing kept', () => {
    const ledger = new Ledger();
    ledger.record({ api: 'nrs', to: '34600000001', messageId: 'M1', text: 'x', parts: 1, at: 'a' });
    const [first] = ledger.list();
    if (first) first.times = 9;
    expect(ledger.list()[0]?.times).toBe(1);
  });
});

describe('measureMessage', () => {
  it('gives what the counter gives for any UCS-2 text, short ones included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 90 }), (text) => {
        const count = countSegments(text, { encoding: 'ucs2' });
        expect(measureMessage(text, 'utf-16')).toEqual({
          segments: count.segments,
          units: count.units,
          unrepresentable: [],
        });
      }),
    );
  });
});
