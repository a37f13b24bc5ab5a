import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../shared/sms';
import { sandboxForThisFile, sendSms } from './helpers';

const t = sandboxForThisFile({ credits: 1_000_000 });

const validNumber = fc.integer({ min: 600_000_000, max: 699_999_999 }).map((n) => `34${n}`);
const invalidNumber = fc.constantFrom(
  '34',
  '',
  'abc',
  '+',
  '123',
  '3466655544x',
  '1234567890123456',
);

describe('POST /api/rest/sms properties', () => {
  it('answers 202 / 207 / 400 by how many recipients are valid, and charges and records exactly the accepted ones', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(validNumber, invalidNumber), { minLength: 1, maxLength: 8 }),
        fc
          .string({ minLength: 1, maxLength: 400 })
          .filter((s) => s.trim() !== '' && !/[{}]/.test(s)),
        async (to, message) => {
          run += 1;
          const campaignName = `prop-${run}`;
          const before = t.sb.balance();
          const res = await sendSms(t.sb, {
            from: 'PROP',
            to,
            message,
            encoding: 'utf-16',
            parts: 15,
            campaignName,
          });
          const valid = to.filter((n) => /^\d{8,15}$/.test(n));
          const parts = countSegments(message, { encoding: 'ucs2' }).segments;
          if (valid.length === 0 || parts > 15) {
            expect(res.status).toBe(400);
            expect(t.sb.balance()).toBe(before);
            return;
          }
          expect(res.status).toBe(valid.length === to.length ? 202 : 207);
          const accepted = res.json.result.filter((r: { accepted: boolean }) => r.accepted);
          expect(accepted.map((r: { to: string }) => r.to)).toEqual(valid);
          expect(accepted.every((r: { parts: number }) => r.parts === parts)).toBe(true);
          const cost = valid.reduce((sum, n) => sum + parts * t.sb.partPrice(n), 0);
          expect(t.sb.balance()).toBeCloseTo(before - cost, 6);
          const times = t.sb
            .ledger()
            .filter((e) => e.campaignName === campaignName)
            .reduce((n, e) => n + e.times, 0);
          expect(times).toBe(valid.length);
        },
      ),
      { numRuns: 40, seed: 20261122 },
    );
  });
});
