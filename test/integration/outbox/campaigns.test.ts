import { afterEach, describe, expect, it } from 'vitest';
import { createJob } from '../../../electron/core/outbox/jobs';
import { createAdapter } from '../../../electron/core/providers/registry';
import {
  acceptedTimes,
  type Harness,
  startHarness,
  stateCounts,
} from '../../helpers/outbox-harness';

let h: Harness;
afterEach(() => h.close());

async function campaignsAtProvider() {
  const a = createAdapter({
    provider: 'nrs',
    baseUrl: h.sandbox.apis.nrs.baseUrl,
    username: h.sandbox.apis.nrs.username,
    secret: h.sandbox.apis.nrs.password,
  });
  try {
    return await a.listCampaigns({});
  } finally {
    await a.close();
  }
}

describe('campaigns at the provider', () => {
  it('one campaign per bulk job and one for single sends, reconciled exactly under faults', async () => {
    h = await startHarness({
      seed: 11,
      faults: 'reset-before=0.1,reset-after=0.15,5xx=0.05',
      delivery: { sentAfterMs: 300, finalAfterMs: 600 },
    });
    const job = createJob(h.db, {
      accountId: h.accountId,
      name: 'Spring sale',
      sender: 'OUTPOST',
      template: 'Your table is ready.',
    });
    h.enqueue(400, { jobId: job, campaignName: 'Spring sale' });
    // Single sends to the same numbers, same text: a lost answer must not be matched to the job's.
    h.enqueue(100);
    const totals = await h.engine({ batchSize: 10 }).drain({ timeoutMs: 90_000 });

    h.sandbox.setFaults(null);
    const campaigns = await campaignsAtProvider();
    expect(campaigns.map((c) => c.name).sort()).toEqual(['Outpost', 'Spring sale']);
    const sale = campaigns.find((c) => c.name === 'Spring sale');
    // One sending per campaign, every request of the job tagged in it.
    expect(sale?.sendings).toHaveLength(1);
    expect(sale?.sendings[0]?.total).toBe(
      h.db
        .prepare(`SELECT count(*) FROM messages WHERE job_id = ? AND state = 'accepted'`)
        .pluck()
        .get(job),
    );
    // Exactly once each: the provider's ledger has one copy per (campaign, number).
    const entries = h.sandbox.ledger();
    expect(entries.every((e) => e.times === 1)).toBe(true);
    expect(entries).toHaveLength(stateCounts(h.db).accepted ?? 0);
    expect([...acceptedTimes(h.sandbox).values()].every((n) => n <= 2)).toBe(true);
    // Lost answers really happened and were settled by the tag and the row references.
    expect(totals.confirmed).toBeGreaterThan(0);
    expect(totals.resent).toBeGreaterThan(0);
    const counts = stateCounts(h.db);
    expect((counts.accepted ?? 0) + (counts.unknown ?? 0)).toBe(500);
    console.info('campaign test', { counts, totals });
  }, 120_000);
});
