import { describe, expect, it } from 'vitest';
import {
  deliveryEventsOf,
  NEVER,
  pollDeliveries,
} from '../../../electron/core/sync/delivery/poller';
import { FINAL_MS, SENT_MS } from '../sandbox/helpers';
import { mobile, syncWorldForThisFile } from './helpers';

const STATUS_PATH = '/nrs/api/rest/sms/';
const world = syncWorldForThisFile({
  demoData: false,
  delivery: {
    sentAfterMs: SENT_MS,
    finalAfterMs: FINAL_MS,
    outcomes: { DELIVRD: 6, UNDELIV: 2, EXPIRED: 1, REJECTD: 1 },
  },
});

/** Sends through the real world.adapter and stores the rows as the outbox leaves them: accepted. */
async function sendAccepted(
  first: number,
  count: number,
  text: string,
  maxParts = 1,
): Promise<number[]> {
  const recipients = Array.from({ length: count }, (_, i) => ({ to: mobile(first + i) }));
  const result = await world.adapter.sendBatch({
    from: 'OUTPOST',
    text,
    encoding: 'gsm',
    maxParts,
    recipients,
  });
  const now = world.clock.now();
  const insert = world.db.prepare(
    `INSERT INTO messages (account_id, recipient, sender, template, body, encoding, segments, max_parts, state,
       not_before, give_up_at, dispatched_at, provider_message_id, parts, created_at, updated_at)
     VALUES (?, ?, 'OUTPOST', ?, ?, 'gsm', ?, ?, 'accepted', 0, 0, ?, ?, ?, ?, ?) RETURNING id`,
  );
  return result.results.map((r) => {
    if (!r.accepted || r.messageId === null) throw new Error(`not accepted: ${r.to}`);
    const parts = r.parts ?? 1;
    return insert
      .pluck()
      .get(
        world.accountId,
        r.to,
        text,
        text,
        parts,
        maxParts,
        now,
        r.messageId,
        parts,
        now,
        now,
      ) as number;
  });
}

interface Row {
  id: number;
  state: string;
  delivery_status: string | null;
  error_code: string | null;
  error_text: string | null;
  provider_message_id: string;
  poll_attempts: number;
  next_poll_at: number | null;
}

function rows(ids: number[]): Row[] {
  return world.db
    .prepare(`SELECT * FROM messages WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(JSON.stringify(ids)) as Row[];
}

const poll = (extra: Parameters<typeof pollDeliveries>[2] = {}) =>
  pollDeliveries(world.db, () => world.adapter, {
    now: () => world.clock.now(),
    random: () => 0.5,
    firstDelayMs: 1_000,
    maxDelayMs: 4_000,
    ...extra,
  });

describe('delivery polling', () => {
  it('brings every accepted message to its final state with a bounded number of batched requests', async () => {
    const ids = await sendAccepted(0, 250, 'Your parcel arrives tomorrow');
    const before = world.sb.requestCount({ method: 'GET', pathPrefix: STATUS_PATH });
    let passes = 0;
    for (let i = 0; i < 40; i++) {
      world.clock.advance(1_000);
      const report = await poll();
      expect(report.errors).toEqual([]);
      if (report.polled > 0) passes++;
      if (report.nextDueAt === null) break;
    }
    const requests = world.sb.requestCount({ method: 'GET', pathPrefix: STATUS_PATH }) - before;
    const after = rows(ids);
    expect(after.every((r) => r.state === 'delivered' || r.state === 'failed')).toBe(true);
    // 250 ids go out 100 per request: never one request per message.
    expect(requests).toBeLessThanOrEqual(passes * 3);
    expect(requests).toBeLessThan(40);

    // What was recorded is what the provider says now.
    const truth = new Map(
      (await world.adapter.getStatuses(after.map((r) => r.provider_message_id))).map((s) => [
        s.messageId,
        s.status,
      ]),
    );
    const codes: Record<string, string> = {
      undelivered: 'UNDELIV',
      expired: 'EXPIRED',
      rejected: 'REJECTD',
    };
    for (const r of after) {
      const status = truth.get(r.provider_message_id);
      expect(r.delivery_status).toBe(status);
      if (status === 'delivered') {
        expect(r.state).toBe('delivered');
        expect(r.error_code).toBeNull();
      } else {
        expect(r.state).toBe('failed');
        expect(r.error_code).toBe(codes[status ?? '']);
        expect(r.error_text).toMatch(/\((UNDELIV|EXPIRED|REJECTD)\)\.$/);
      }
    }
    expect(after.some((r) => r.state === 'delivered')).toBe(true);
    expect(after.some((r) => r.state === 'failed')).toBe(true);

    const delivered = after.find((r) => r.state === 'delivered') as Row;
    expect(deliveryEventsOf(world.db, delivered.id).map((e) => e.type)).toEqual([
      'sent',
      'delivered',
    ]);
  });

  it('never shows a multipart message delivered before the provider says the whole message is', async () => {
    const long = 'Long notice. '.repeat(30); // > 153 GSM characters: several parts
    const ids = await sendAccepted(1_000, 5, long, 3);
    expect(rows(ids).every((r) => r.state === 'accepted')).toBe(true);

    world.clock.advance(SENT_MS + 500); // handed over, not final
    await poll();
    const midway = rows(ids);
    // Only a rejection is final this early (the sandbox rejects at hand-over).
    expect(midway.filter((r) => r.state === 'delivered')).toEqual([]);
    const waiting = midway.filter((r) => r.state === 'accepted');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((r) => r.delivery_status === 'sent')).toBe(true);

    for (let i = 0; i < 20 && rows(ids).some((r) => r.state === 'accepted'); i++) {
      world.clock.advance(1_000);
      await poll();
    }
    expect(rows(ids).every((r) => r.state !== 'accepted')).toBe(true);
  });

  it('backs off on ids the provider does not know, then stops polling them', async () => {
    const now = world.clock.now();
    const id = world.db
      .prepare(
        `INSERT INTO messages (account_id, recipient, sender, template, body, encoding, segments, max_parts,
           state, not_before, give_up_at, dispatched_at, provider_message_id, created_at, updated_at)
         VALUES (?, '34600000001', 'OUTPOST', 'x', 'x', 'gsm', 1, 1, 'accepted', 0, 0, ?, 'NO-SUCH-ID', ?, ?)
         RETURNING id`,
      )
      .pluck()
      .get(world.accountId, now, now, now) as number;
    const gaps: number[] = [];
    for (let i = 0; i < 30; i++) {
      const row = rows([id])[0] as Row;
      if (row.next_poll_at === NEVER) break;
      const due = row.next_poll_at ?? now + 1_000;
      world.clock.set(due);
      await poll({ giveUpAfterMs: 20_000 });
      const next = rows([id])[0] as Row;
      if (next.next_poll_at !== NEVER) gaps.push((next.next_poll_at as number) - due);
    }
    const final = rows([id])[0] as Row;
    expect(final.state).toBe('accepted');
    expect(final.next_poll_at).toBe(NEVER);
    expect(final.delivery_status).toBe('unknown');
    // Each wait is at least as long as the one before, up to the cap.
    for (let i = 1; i < gaps.length; i++)
      expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1] as number);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(4_000);

    const before = world.sb.requestCount({ method: 'GET', pathPrefix: STATUS_PATH });
    world.clock.advance(60_000);
    await poll();
    expect(world.sb.requestCount({ method: 'GET', pathPrefix: STATUS_PATH })).toBe(before);
  });

  it('reports an account it cannot poll and changes nothing', async () => {
    const ids = await sendAccepted(2_000, 3, 'IP check');
    world.sb.setAllowIps(['127.0.0.9']);
    try {
      world.clock.advance(FINAL_MS + 1_000);
      const report = await poll();
      expect(report.errors.map((e) => e.code)).toEqual([112]);
      expect(rows(ids).every((r) => r.state === 'accepted' && r.poll_attempts === 0)).toBe(true);
    } finally {
      world.sb.setAllowIps(['127.0.0.1']);
    }
    await poll();
    expect(rows(ids).every((r) => r.state !== 'accepted')).toBe(true);
  });
});
