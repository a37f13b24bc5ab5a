import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawFaults, type FaultSpec, parseFaultSpec } from '../../../electron/sandbox/faults';
import { createRng } from '../../../electron/sandbox/prng';

const share = fc.double({ min: 0, max: 1, noNaN: true });
const spec: fc.Arbitrary<FaultSpec> = fc.record(
  {
    latencyMs: fc.oneof(
      fc.integer({ min: 0, max: 500 }),
      fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 50, max: 500 })),
    ),
    error5xx: share,
    rateLimit: fc.record({ share, retryAfterSeconds: fc.integer({ min: 0, max: 60 }) }),
    resetBefore: share,
    resetAfter: share,
    slowBody: fc.record({ share, delayMs: fc.integer({ min: 0, max: 10_000 }) }),
    badJson: share,
  },
  { requiredKeys: [] },
);

function toText(s: FaultSpec): string {
  const parts: string[] = [];
  if (s.latencyMs !== undefined)
    parts.push(`latency=${Array.isArray(s.latencyMs) ? s.latencyMs.join('-') : s.latencyMs}`);
  if (s.error5xx !== undefined) parts.push(`5xx=${s.error5xx}`);
  if (s.rateLimit) parts.push(`429=${s.rateLimit.share}:${s.rateLimit.retryAfterSeconds}`);
  if (s.resetBefore !== undefined) parts.push(`reset-before=${s.resetBefore}`);
  if (s.resetAfter !== undefined) parts.push(`reset-after=${s.resetAfter}`);
  if (s.slowBody) parts.push(`slow-body=${s.slowBody.share}:${s.slowBody.delayMs}`);
  if (s.badJson !== undefined) parts.push(`bad-json=${s.badJson}`);
  return parts.join(',');
}

describe('fault draws', () => {
  it('the CLI text of any spec parses back to the same spec', () => {
    fc.assert(
      fc.property(spec, (s) => {
        expect(parseFaultSpec(toText(s))).toEqual(s);
      }),
    );
  });

  it('the same seed gives the same sequence of faults', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (s, seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (let i = 0; i < 50; i++) expect(drawFaults(s, a)).toEqual(drawFaults(s, b));
      }),
    );
  });

  it('a share of 0 never fires and a share of 1 always does, latency within its range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 100, max: 300 }),
        (seed, lo, hi) => {
          const rng = createRng(seed);
          const never = drawFaults(
            { error5xx: 0, resetBefore: 0, resetAfter: 0, badJson: 0, latencyMs: [lo, hi] },
            rng,
          );
          expect([never.pre, never.post]).toEqual(['none', 'none']);
          expect(never.latencyMs).toBeGreaterThanOrEqual(lo);
          expect(never.latencyMs).toBeLessThanOrEqual(hi);
          expect(drawFaults({ resetAfter: 1 }, rng).post).toBe('reset-after');
          expect(drawFaults({ rateLimit: { share: 1, retryAfterSeconds: 3 } }, rng)).toMatchObject({
            pre: '429',
            retryAfterSeconds: 3,
          });
        },
      ),
    );
  });
});
