import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncLoop } from '../../../electron/core/background/sync-loop';
import type { Db } from '../../../electron/core/db/connection';
import type { NrsAdapter } from '../../../electron/core/providers/nrs/adapter';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import { closeAgents } from '../sandbox/helpers';
import { addAccount, mobile, nrsAdapterFor, openTestDb, type TestDb } from './helpers';

let sb: SandboxHandle;
let tdb: TestDb;
let db: Db;
let adapter: NrsAdapter;
let accountId: number;
let loop: SyncLoop;

beforeAll(async () => {
  sb = await startSandbox({
    seed: 5,
    demoData: false,
    delivery: { sentAfterMs: 20, finalAfterMs: 60 },
  });
  tdb = openTestDb();
  db = tdb.db;
  adapter = nrsAdapterFor(sb);
  accountId = addAccount(db, 'Sandbox', sb.apis.nrs.baseUrl);
});

afterAll(async () => {
  await loop?.stop();
  await adapter.close();
  tdb.close();
  await sb.close();
  await closeAgents();
});

/** One message handed to the sandbox now and recorded as the outbox records an accepted one. */
async function accepted(n: number, nextPollAt: number | null): Promise<number> {
  const sent = await adapter.sendBatch({
    from: 'OUTPOST',
    text: 'Hi',
    encoding: 'gsm',
    maxParts: 1,
    recipients: [{ to: mobile(7_000 + n) }],
  });
  const result = sent.results[0];
  if (!result?.accepted) throw new Error('the sandbox refused the message');
  const now = Date.now();
  return db
    .prepare(
      `INSERT INTO messages (account_id, recipient, sender, template, body, encoding, segments, max_parts, state,
         not_before, give_up_at, dispatched_at, provider_message_id, next_poll_at, created_at, updated_at)
       VALUES (?, ?, 'OUTPOST', 'Hi', 'Hi', 'gsm', 1, 1, 'accepted', 0, 0, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(accountId, result.to, now, result.messageId, nextPollAt, now, now) as number;
}

const stateOf = (id: number) =>
  db.prepare('SELECT state FROM messages WHERE id = ?').pluck().get(id);

describe('the background loop', () => {
  it('reports on a new message within seconds while another waits half an hour for its next look', async () => {
    // Polled before and not final yet: its next look is 30 minutes away (the backoff's ceiling).
    const waiting = await accepted(1, Date.now() + 30 * 60_000);
    loop = new SyncLoop(db, () => adapter);
    loop.start();
    // The loop has looked once and is asleep until its next look is due.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const fresh = await accepted(2, null);
    // First due 5 s after acceptance; the loop must not sleep through it until its minute is up.
    await expect.poll(() => stateOf(fresh), { timeout: 20_000, interval: 250 }).toBe('delivered');
    expect(stateOf(waiting)).toBe('accepted');
  }, 30_000);
});
