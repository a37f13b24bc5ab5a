import { afterEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import { listMessages } from '../../../electron/core/outbox/list';
import {
  cancelAtProvider,
  rescheduleMessage,
  syncProviderSchedules,
} from '../../../electron/core/outbox/schedule';
import { queueSingleSend } from '../../../electron/core/outbox/single-send';
import { outboxStatus } from '../../../electron/core/outbox/status';
import { createAdapter } from '../../../electron/core/providers/registry';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import { pollDeliveries } from '../../../electron/core/sync';
import { createManualClock } from '../../../electron/sandbox';
import { type Harness, startHarness } from '../../helpers/outbox-harness';

let h: Harness;
const extra: ProviderAdapter[] = [];
afterEach(async () => {
  await Promise.all(extra.splice(0).map((a) => a.close()));
  await h.close();
});

/** A second adapter on the same sandbox account, to look at (or change) it as its dashboard would. */
function dashboard(): ProviderAdapter {
  const a = createAdapter({
    provider: 'nrs',
    baseUrl: h.sandbox.apis.nrs.baseUrl,
    username: h.sandbox.apis.nrs.username,
    secret: h.sandbox.apis.nrs.password,
  });
  extra.push(a);
  return a;
}

const HOUR = 3_600_000;
const seconds = (ms: number) => Math.floor(ms / 1000);

function row(id: number) {
  const found = listMessages(h.db, { limit: 100 }).find((m) => m.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
}

function send(over: Partial<Parameters<typeof queueSingleSend>[1]> = {}) {
  return queueSingleSend(h.db, {
    accountId: h.accountId,
    to: '+34666000111',
    from: 'OUTPOST',
    text: 'See you at 14:30.',
    ...over,
  });
}

describe('a send scheduled with 360nrs is held by the provider', () => {
  it('reaches the provider at once with its scheduleDate, and is not sent again at its time', async () => {
    h = await startHarness();
    const at = Date.now() + 2 * HOUR;
    const queued = send({ at });
    expect(queued.schedule).toMatchObject({ mode: 'provider', at });
    expect(queued.schedule?.sentence).toMatch(/at the provider .* even if this computer is off/);
    await h.engine().drain({ timeoutMs: 10_000 });

    const [held] = await dashboard().listScheduled({});
    expect(seconds(Date.parse(held?.scheduledAt ?? ''))).toBe(seconds(at));
    expect(row(queued.id)).toMatchObject({
      state: 'accepted',
      displayState: 'scheduled-at-provider',
      providerMessageId: held?.guid,
      lateByMs: null,
    });
    expect(outboxStatus(h.db).counts).toMatchObject({ 'scheduled-at-provider': 1, accepted: 0 });

    // Its time comes: nothing more is sent from here.
    const later = h.engine({ now: () => at + HOUR });
    await later.drain({ timeoutMs: 2_000 });
    expect(later.totals.requests).toBe(0);
    expect(h.sandbox.requestCount({ method: 'POST', pathPrefix: '/nrs/api/rest/sms' })).toBe(1);
    expect(h.sandbox.ledger()).toHaveLength(1);
    const [after] = listMessages(h.db, { limit: 1, now: at + HOUR });
    expect(after?.displayState).toBe('accepted');
  });

  it('is cancelled and rescheduled at the provider', async () => {
    h = await startHarness();
    const a = send({ at: Date.now() + HOUR, to: '+34666000111' });
    const b = send({ at: Date.now() + HOUR, to: '+34666000222', text: 'Another text' });
    await h.engine().drain({ timeoutMs: 10_000 });

    expect(await cancelAtProvider(h.db, h.pool.get, a.id)).toBe(true);
    expect(row(a.id)).toMatchObject({ state: 'cancelled', displayState: 'cancelled' });
    const moveTo = Date.now() + 5 * HOUR;
    expect(await rescheduleMessage(h.db, h.pool.get, b.id, moveTo)).toMatchObject({
      mode: 'provider',
    });
    const left = await dashboard().listScheduled({});
    expect(left.map((m) => m.guid)).toEqual([row(b.id).providerMessageId]);
    expect(seconds(Date.parse(left[0]?.scheduledAt ?? ''))).toBe(seconds(moveTo));
    expect(row(b.id).scheduledFor).toBe(moveTo);
  });

  it('becomes cancelled here, with a sentence, when deleted on the provider’s dashboard', async () => {
    h = await startHarness();
    const kept = send({ at: Date.now() + HOUR, to: '+34666000111' });
    const gone = send({ at: Date.now() + HOUR, to: '+34666000222', text: 'Other' });
    await h.engine().drain({ timeoutMs: 10_000 });
    await dashboard().deleteScheduled([row(gone.id).providerMessageId ?? '']);

    const report = await syncProviderSchedules(h.db, h.pool.get, h.accountId);
    expect(report).toMatchObject({ checked: 2, cancelled: 1 });
    expect(row(gone.id)).toMatchObject({ state: 'cancelled' });
    expect(row(gone.id).errorText).toMatch(/Deleted from the provider’s scheduled messages/);
    expect(row(kept.id).displayState).toBe('scheduled-at-provider');
  });

  it('goes out at once, marked late, when its time passed before it could be handed over', async () => {
    h = await startHarness();
    const now = Date.now();
    // Queued while offline ten minutes ago for five minutes ago.
    const [id = 0] = h.enqueue(1, { scheduledFor: now - 5 * 60_000 });
    h.db.prepare('UPDATE messages SET schedule_mode = ? WHERE id = ?').run('provider', id);
    await h.engine().drain({ timeoutMs: 10_000 });
    expect(await dashboard().listScheduled({})).toHaveLength(0);
    expect(h.sandbox.ledger()).toHaveLength(1);
    expect(row(id).state).toBe('accepted');
    expect(row(id).lateByMs).toBeGreaterThanOrEqual(5 * 60_000);
  });
});

describe('providers without scheduling keep the schedule here', () => {
  it('says plainly that this computer must be on at that time', async () => {
    h = await startHarness();
    const action = addAccount(h.db, {
      name: 'Action',
      provider: 'action',
      baseUrl: h.sandbox.apis.action.baseUrl,
      secretRef: 'env:UNUSED',
    }).id;
    const at = Date.now() + HOUR;
    const queued = send({ accountId: action, at });
    expect(queued.schedule?.mode).toBe('local');
    expect(queued.schedule?.sentence).toMatch(
      /this computer must be on, online and running Outpost/,
    );
    expect(row(queued.id).displayState).toBe('scheduled');
    expect(outboxStatus(h.db).counts.scheduled).toBe(1);
  });
});

describe('validity', () => {
  it('sends expirationDate, and a message the provider lets expire ends as expired, not failed', async () => {
    const clock = createManualClock(Date.now());
    // The provider would hand it to the network after 10 minutes; it is valid for one.
    h = await startHarness({ clock, delivery: { sentAfterMs: 600_000, finalAfterMs: 900_000 } });
    const queued = send({ validFor: '1m' });
    expect(queued.expiresAt).toBeGreaterThan(Date.now());
    await h.engine().drain({ timeoutMs: 10_000 });
    expect(row(queued.id).state).toBe('accepted');
    clock.advance(120_000);
    await pollDeliveries(h.db, h.pool.get, { now: () => Date.now() + 60_000 });
    expect(row(queued.id)).toMatchObject({
      state: 'failed',
      displayState: 'expired',
      errorCode: 'EXPIRED',
    });
    expect(outboxStatus(h.db).counts).toMatchObject({ expired: 1, failed: 0 });
  });

  it('refuses a validity that ends before the message goes out', () => {
    return startHarness().then((started) => {
      h = started;
      expect(() => send({ at: Date.now() + 2 * HOUR, validFor: 'x' })).toThrow(/not a duration/);
      expect(() =>
        send({ at: Date.now() + 2 * HOUR, expires: new Date(Date.now() + HOUR).toISOString() }),
      ).toThrow(/expire .* before it goes out/);
    });
  });

  it('does not send a queued message whose validity ended while it waited here; it ends expired', async () => {
    h = await startHarness();
    const [id = 0] = h.enqueue(1, { expiresAt: Date.now() - 1_000 });
    await h.engine().drain({ timeoutMs: 5_000 });
    expect(h.sandbox.ledger()).toHaveLength(0);
    expect(row(id)).toMatchObject({
      state: 'failed',
      displayState: 'expired',
      errorCode: 'EXPIRED',
    });
    expect(outboxStatus(h.db).counts).toMatchObject({ expired: 1, failed: 0 });
  });
});

describe('error 115 is about one sender', () => {
  it('fails only the unverified sender’s messages, with what to do; other senders keep sending', async () => {
    h = await startHarness({ unverifiedSenders: ['NEWBRAND'] });
    const bad = h.enqueue(30, { sender: 'NEWBRAND' });
    const good = h.enqueue(30, { sender: 'OUTPOST', template: 'Hi', body: 'Hi' });
    await h.engine({ batchSize: 10, concurrency: 1 }).drain({ timeoutMs: 15_000 });
    const byId = new Map(listMessages(h.db, { limit: 100 }).map((m) => [m.id, m]));
    for (const id of bad) {
      expect(byId.get(id)).toMatchObject({ state: 'failed', errorCode: '115' });
      expect(byId.get(id)?.errorText).toMatch(/not verified.*verify it/);
    }
    for (const id of good) expect(byId.get(id)?.state).toBe('accepted');
    expect(outboxStatus(h.db).paused).toEqual([]);
    // One request of the unverified sender was enough to stop the rest of its queue.
    expect(h.sandbox.requestCount({ method: 'POST', pathPrefix: '/nrs/api/rest/sms' })).toBe(4);
  });
});
