import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/connection';
import type { NrsAdapter } from '../../../electron/core/providers/nrs/adapter';
import { pollUntilSettled } from '../../../electron/core/sync/delivery/loop';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import { closeAgents } from '../sandbox/helpers';
import { addAccount, mobile, nrsAdapterFor, openTestDb, type TestDb } from './helpers';

let sb: SandboxHandle;
let tdb: TestDb;
let db: Db;
let adapter: NrsAdapter;
let accountId: number;

beforeAll(async () => {
  // The real clock with delivery in tens of milliseconds.
  sb = await startSandbox({
    seed: 3,
    demoData: false,
    delivery: { sentAfterMs: 20, finalAfterMs: 60 },
  });
  tdb = openTestDb();
  db = tdb.db;
  adapter = nrsAdapterFor(sb);
  accountId = addAccount(db, 'Sandbox', sb.apis.nrs.baseUrl);
});

afterAll(async () => {
  await adapter.close();
  tdb.close();
  await sb.close();
  await closeAgents();
});

describe('polling until settled', () => {
  it('sleeps between passes and stops once every message is final', async () => {
    const recipients = Array.from({ length: 30 }, (_, i) => ({ to: mobile(9_000 + i) }));
    const sent = await adapter.sendBatch({
      from: 'OUTPOST',
      text: 'Hi',
      encoding: 'gsm',
      maxParts: 1,
      recipients,
    });
    const now = Date.now();
    const insert = db.prepare(
      `INSERT INTO messages (account_id, recipient, sender, template, body, encoding, segments, max_parts, state,
         not_before, give_up_at, dispatched_at, provider_message_id, created_at, updated_at)
       VALUES (?, ?, 'OUTPOST', 'Hi', 'Hi', 'gsm', 1, 1, 'accepted', 0, 0, ?, ?, ?, ?)`,
    );
    for (const r of sent.results) {
      if (r.accepted) insert.run(accountId, r.to, now, r.messageId, now, now);
    }
    const before = sb.requestCount({ method: 'GET', pathPrefix: '/nrs/api/rest/sms/' });
    const result = await pollUntilSettled(db, () => adapter, {
      timeoutMs: 15_000,
      firstDelayMs: 30,
      maxDelayMs: 200,
      minSleepMs: 10,
    });
    expect(result.settled).toBe(true);
    expect(result.delivered + result.failed).toBe(30);
    const states = db.prepare(`SELECT DISTINCT state FROM messages`).pluck().all();
    expect(states).toEqual(['delivered']);
    // One id list per pass, and passes only when something was due.
    const requests = sb.requestCount({ method: 'GET', pathPrefix: '/nrs/api/rest/sms/' }) - before;
    expect(requests).toBeLessThanOrEqual(result.passes);
  });

  it('returns at once when nothing is waiting', async () => {
    const result = await pollUntilSettled(db, () => adapter, { timeoutMs: 5_000 });
    expect(result).toMatchObject({ passes: 1, settled: true, delivered: 0, failed: 0 });
  });
});
