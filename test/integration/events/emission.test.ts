import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreEvents } from '../../../electron/core/events/core-events';
import { attachEvents } from '../../../electron/core/events/sink';
import { cancelJob, setJobPaused } from '../../../electron/core/outbox/control';
import { createJob } from '../../../electron/core/outbox/jobs';
import { pauseManually, resumeAccount } from '../../../electron/core/outbox/pause';
import { NrsAdapter } from '../../../electron/core/providers/nrs/adapter';
import { editContact } from '../../../electron/core/sync/contacts/edit';
import { searchContacts } from '../../../electron/core/sync/contacts/search';
import { syncContacts } from '../../../electron/core/sync/contacts/sync';
import { pollDeliveries } from '../../../electron/core/sync/delivery/poller';
import { suppress } from '../../../electron/core/sync/suppression';
import type { EventName, EventPayload } from '../../../shared/ipc/events';
import { type Harness, startHarness } from '../../helpers/outbox-harness';

type Seen = { name: EventName; payload: unknown; at: number };

let h: Harness;
let events: CoreEvents;
let seen: Seen[];

async function start(options: Parameters<typeof startHarness>[0] = {}) {
  h = await startHarness(options);
  events = new CoreEvents(() => h.db);
  attachEvents(h.db, events);
  seen = [];
  events.bus.subscribe((name, payload) => seen.push({ name, payload, at: Date.now() }));
}

/** Waits until the throttles have delivered everything pending. */
async function quiet(): Promise<void> {
  for (let i = 0; i < 100 && !events.idle; i++) await new Promise((r) => setTimeout(r, 20));
  expect(events.idle).toBe(true);
}

function of<E extends EventName>(name: E): EventPayload<E>[] {
  return seen.filter((s) => s.name === name).map((s) => s.payload as EventPayload<E>);
}

function nrs(): NrsAdapter {
  return new NrsAdapter({
    provider: 'nrs',
    baseUrl: h.sandbox.apis.nrs.baseUrl,
    username: h.sandbox.apis.nrs.username,
    secret: h.sandbox.apis.nrs.password,
  });
}

afterEach(async () => {
  events.dispose();
  await h.close();
});

describe('events emitted where the outbox changes', () => {
  beforeEach(() =>
    start({ delivery: { sentAfterMs: 0, finalAfterMs: 0, outcomes: { UNDELIV: 1 } } }),
  );

  it('announces queued messages with their ids and counts, after the commit', async () => {
    const ids = h.enqueue(3);
    expect(of('outbox.changed'), 'never inside the caller').toEqual([]);
    await quiet();
    expect(of('outbox.changed')).toEqual([
      { counts: expect.objectContaining({ queued: 3, accepted: 0 }), ids },
    ]);
  });

  it('throttles a drain of 300 messages to a few snapshots, the last one final', async () => {
    h.enqueue(300);
    await h.engine({ batchSize: 10, concurrency: 1 }).drain({ timeoutMs: 20_000 });
    await quiet();
    const changes = seen.filter((s) => s.name === 'outbox.changed');
    // 30 requests, each a claim and a settle: 60 changes, far fewer events.
    expect(changes.length).toBeGreaterThan(2);
    expect(changes.length).toBeLessThan(60);
    const gaps = changes.slice(1).map((c, i) => c.at - (changes[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(95);
    expect(changes.at(-1)?.payload).toMatchObject({
      counts: { accepted: 300, queued: 0, sending: 0 },
    });
  });

  it('reports delivery reports, and messages that failed for good, per account', async () => {
    const ids = h.enqueue(4);
    await h.engine().drain({ timeoutMs: 20_000 });
    await quiet();
    seen.length = 0;
    await pollDeliveries(h.db, h.pool.get, { firstDelayMs: 0 });
    await quiet();
    expect(
      of('delivery.updated')
        .flatMap((e) => e.ids)
        .sort(),
    ).toEqual([...ids].sort());
    expect(of('messages.failed')).toEqual([{ accountId: h.accountId, count: 4 }]);
    expect(of('outbox.changed').at(-1)?.counts).toMatchObject({ failed: 4, accepted: 0 });
  });

  it("follows a bulk job's progress and tells when it finished (sent, or cancelled)", async () => {
    const jobId = createJob(h.db, {
      accountId: h.accountId,
      name: 'Spring sale',
      sender: 'SHOP',
      template: 'Hi',
    });
    h.enqueue(5, { jobId });
    await h.engine().drain({ timeoutMs: 20_000 });
    await quiet();
    expect(of('job.progress').at(-1)).toMatchObject({
      jobId,
      state: 'active',
      total: 5,
      counts: { sent: 5 },
    });
    expect(of('job.finished')).toEqual([
      { jobId, name: 'Spring sale', counts: expect.objectContaining({ sent: 5, queued: 0 }) },
    ]);

    const second = createJob(h.db, {
      accountId: h.accountId,
      name: 'Later',
      sender: 'SHOP',
      template: 'Hi',
    });
    h.enqueue(3, { jobId: second });
    setJobPaused(h.db, second, true);
    await quiet();
    expect(of('job.progress').at(-1)).toMatchObject({
      jobId: second,
      state: 'paused',
      counts: { queued: 3 },
    });
    expect(of('job.finished').map((e) => e.jobId)).toEqual([jobId]);
    cancelJob(h.db, second);
    await quiet();
    expect(of('job.finished').at(-1)).toMatchObject({ jobId: second, counts: { cancelled: 3 } });
    expect(of('outbox.changed').at(-1)).toMatchObject({ ids: [], counts: { cancelled: 3 } });
  });
});

describe('events of accounts, contacts and suppressions', () => {
  beforeEach(() => start({ demoData: true }));

  it('announces a pause with who set it, and its end', async () => {
    pauseManually(h.db, h.accountId);
    pauseManually(h.db, h.accountId);
    expect(resumeAccount(h.db, h.accountId)).toBe(true);
    expect(resumeAccount(h.db, h.accountId)).toBe(false);
    expect(seen.map((s) => s.name)).toEqual(['account.paused', 'account.resumed']);
    expect(of('account.paused')[0]).toMatchObject({
      accountId: h.accountId,
      code: 'manual',
      byPerson: true,
    });
  });

  it('reports a contact sync from start to end, and local edits', async () => {
    await syncContacts(h.db, h.accountId, nrs());
    await quiet();
    const phases = of('sync.state').map((s) => s.phase);
    expect(phases[0]).toBe('started');
    expect(phases.at(-1)).toBe('finished');
    expect(of('sync.state').at(-1)?.done).toBeGreaterThan(0);
    expect(of('contacts.changed')).toContainEqual({ accountId: h.accountId });

    seen.length = 0;
    const [contact] = searchContacts(h.db, '', { accountId: h.accountId, limit: 1 });
    editContact(h.db, contact?.id ?? 0, { firstName: 'Renamed' });
    await quiet();
    expect(seen).toMatchObject([{ name: 'contacts.changed', payload: { accountId: h.accountId } }]);
  });

  it('reports a failed sync with its sentence', async () => {
    const broken = new NrsAdapter({
      provider: 'nrs',
      baseUrl: h.sandbox.apis.nrs.baseUrl,
      username: h.sandbox.apis.nrs.username,
      secret: 'wrong password',
    });
    await syncContacts(h.db, h.accountId, broken).catch(() => undefined);
    await quiet();
    expect(of('sync.state').map((s) => s.phase)).toEqual(['started', 'failed']);
    expect(of('sync.state')[1]?.error).toBeTruthy();
  });

  it('coalesces a burst of suppressions into one hint', async () => {
    for (let i = 0; i < 50; i++)
      suppress(h.db, h.accountId, `+3466600${String(i).padStart(4, '0')}`, 'manual');
    await quiet();
    expect(of('suppressions.changed')).toEqual([{}]);
  });
});
