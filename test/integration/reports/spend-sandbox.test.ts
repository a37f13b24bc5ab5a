import { afterEach, beforeEach, expect, it } from 'vitest';
import { refreshPrices } from '../../../electron/core/reports/prices';
import { reportSummary } from '../../../electron/core/reports/summary';
import { type Harness, startHarness } from '../../helpers/outbox-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ credits: 100 });
});
afterEach(() => h.close());

it('spend from the kept price list equals what the sandbox charged, and is read offline', async () => {
  h.enqueue(4); // Spain, 1 part each
  const long = (n: number) => ({ template: 'x'.repeat(n), body: 'x'.repeat(n) });
  h.enqueue(2, { recipient: '351912345670', segments: 2, maxParts: 2, ...long(200) });
  h.enqueue(1, { recipient: '351912345671', segments: 3, maxParts: 3, ...long(400) });
  await h.engine().drain({ timeoutMs: 20_000 });
  const charged = 100 - h.sandbox.balance();

  const kept = await refreshPrices(h.db, h.accountId, h.pool.get(h.accountId));
  expect(kept.currency).toBe('EUR');
  await h.sandbox.close(); // offline from here on: the report reads only the database

  const s = reportSummary(h.db, {
    accountId: h.accountId,
    days: 7,
    bucket: 'day',
    timeZone: 'Europe/Madrid',
  });
  expect(s.totals.sent).toBe(7);
  expect(s.totals.parts).toBe(4 + 2 * 2 + 3);
  expect(s.prices?.currency).toBe('EUR');
  expect(s.totals.spend).toBeCloseTo(charged, 9);
  expect(s.totals.spend).toBeGreaterThan(0);
  expect(s.byCountry.map((c) => c.country).sort()).toEqual(['ES', 'PT']);
});
