import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { claimBatch, markDispatched } from '../../../electron/core/outbox/claim';
import { cancelJob, cancelMessage, setJobPaused } from '../../../electron/core/outbox/control';
import { enqueueMessages, type NewMessage } from '../../../electron/core/outbox/enqueue';
import { createJob } from '../../../electron/core/outbox/jobs';
import { recoverExpiredLeases } from '../../../electron/core/outbox/recover';
import { settle } from '../../../electron/core/outbox/settle';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let accountId: number;
const T0 = 1_800_000_000_000;

function message(i: number, extra: Partial<NewMessage> = {}): NewMessage {
  return {
    accountId,
    recipient: `3466600${String(i).padStart(4, '0')}`,
    sender: 'SHOP',
    template: 'Hi',
    body: 'Hi',
    encoding: 'gsm',
    segments: 1,
    maxParts: 1,
    ...extra,
  };
}

const claimAt = (now: number, extra = {}) =>
  claimBatch(db, { owner: 'worker-a', now, leaseMs: 1_000, batchSize: 10, ...extra });

function states(): Record<string, number> {
  const rows = db.prepare('SELECT state, count(*) n FROM messages GROUP BY state').all() as {
    state: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

beforeEach(() => {
  dir = tempDir();
  db = openAppDatabase(dir.path);
  accountId = addAccount(db, {
    name: 'A',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:9',
    username: 'u',
    secretRef: 'env:X',
  }).id;
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('leases', () => {
  it('batch only messages that can share one request', () => {
    enqueueMessages(
      db,
      [message(1), message(2, { template: 'Other' }), message(3), message(4, { sender: 'BANK' })],
      { now: T0 },
    );
    const claim = claimAt(T0);
    expect(claim?.rows.map((r) => r.recipient)).toEqual(['34666000001', '34666000003']);
    expect(claimAt(T0)?.rows).toHaveLength(1);
  });

  it('a second worker never gets a leased message', () => {
    enqueueMessages(db, [message(1), message(2)], { now: T0 });
    expect(claimAt(T0)?.rows).toHaveLength(2);
    expect(
      claimBatch(db, { owner: 'worker-b', now: T0, leaseMs: 1_000, batchSize: 10 }),
    ).toBeNull();
  });

  it('a lease that expired before dispatch goes back to the queue; the stale worker then sends nothing', () => {
    enqueueMessages(db, [message(1)], { now: T0 });
    const stale = claimAt(T0);
    if (!stale) throw new Error('no claim');
    expect(recoverExpiredLeases(db, T0 + 5_000)).toEqual({ requeued: 1, unknown: 0 });
    expect(markDispatched(db, stale, T0 + 5_001)).toEqual([]);
    expect(states()).toEqual({ queued: 1 });
  });

  it('a lease that expired after dispatch becomes "outcome unknown", and the stale worker cannot settle it', () => {
    enqueueMessages(db, [message(1)], { now: T0 });
    const stale = claimAt(T0);
    if (!stale) throw new Error('no claim');
    expect(markDispatched(db, stale, T0 + 10)).toHaveLength(1);
    expect(recoverExpiredLeases(db, T0 + 5_000)).toEqual({ requeued: 0, unknown: 1 });
    const owned = settle(
      db,
      stale.token,
      [
        {
          id: stale.rows[0]?.id ?? 0,
          kind: 'failed',
          failure: {
            code: 102,
            httpStatus: 400,
            kind: 'permanent',
            message: 'No valid recipients.',
          },
        },
      ],
      T0 + 5_001,
    );
    expect(owned).toBe(0);
    expect(states()).toEqual({ unknown: 1 });
  });

  it('counts an attempt only when the request is dispatched', () => {
    enqueueMessages(db, [message(1)], { now: T0 });
    const claim = claimAt(T0);
    if (!claim) throw new Error('no claim');
    const attempts = () => db.prepare('SELECT attempts FROM messages').pluck().get();
    expect(attempts()).toBe(0);
    markDispatched(db, claim, T0 + 1);
    expect(attempts()).toBe(1);
    settle(
      db,
      claim.token,
      [{ id: claim.rows[0]?.id ?? 0, kind: 'release', failure: null }],
      T0 + 2,
    );
    expect(attempts()).toBe(0);
  });

  it('a message scheduled for a provider that cannot hold it is not claimed before its time', () => {
    const action = addAccount(db, {
      name: 'Action',
      provider: 'action',
      baseUrl: 'http://127.0.0.1:9',
      secretRef: 'env:X',
    }).id;
    enqueueMessages(db, [message(1, { accountId: action, scheduledFor: T0 + 60_000 })], {
      now: T0,
    });
    expect(claimAt(T0 + 59_999)).toBeNull();
    const claim = claimAt(T0 + 60_000);
    expect(claim?.rows).toHaveLength(1);
    expect(claim?.scheduleAt).toBeNull();
  });

  it('a message scheduled with 360nrs is claimed at once, to go out with its scheduleDate', () => {
    enqueueMessages(db, [message(1, { scheduledFor: T0 + 3_600_000 })], { now: T0 });
    const claim = claimAt(T0);
    expect(claim?.rows).toHaveLength(1);
    expect(claim?.scheduleAt).toBe(T0 + 3_600_000);
  });

  it('a 360nrs schedule whose time passed before it could be handed over goes out at once, without scheduleDate', () => {
    enqueueMessages(db, [message(1, { scheduledFor: T0 + 60_000 })], { now: T0 });
    expect(claimAt(T0 + 120_000)?.scheduleAt).toBeNull();
  });

  it('requests never mix campaigns, validity or schedule times', () => {
    enqueueMessages(
      db,
      [
        message(1, { campaignName: 'Job A' }),
        message(2, { campaignName: 'Job B' }),
        message(3, { campaignName: 'Job A', expiresAt: T0 + 7_200_000 }),
        message(4, { campaignName: 'Job A', scheduledFor: T0 + 3_600_000 }),
        message(5, { campaignName: 'Job A' }),
      ],
      { now: T0 },
    );
    const sizes: number[] = [];
    for (let c = claimAt(T0); c; c = claimAt(T0)) sizes.push(c.rows.length);
    expect(sizes.sort()).toEqual([1, 1, 1, 2]);
  });
});

describe('pause and cancel take effect before the next request', () => {
  it('a paused job is not claimed, and resumes when un-paused', () => {
    const job = createJob(db, { accountId, name: 'Promo', sender: 'SHOP', template: 'Hi' });
    enqueueMessages(db, [message(1, { jobId: job })], { now: T0 });
    setJobPaused(db, job, true);
    expect(claimAt(T0)).toBeNull();
    setJobPaused(db, job, false);
    expect(claimAt(T0)?.rows).toHaveLength(1);
  });

  it('cancelling a job drops its leased-but-not-dispatched rows from the request', () => {
    const job = createJob(db, { accountId, name: 'Promo', sender: 'SHOP', template: 'Hi' });
    enqueueMessages(db, [message(1, { jobId: job }), message(2, { jobId: job })], { now: T0 });
    const claim = claimAt(T0);
    if (!claim) throw new Error('no claim');
    expect(cancelJob(db, job, T0 + 1)).toBe(2);
    expect(markDispatched(db, claim, T0 + 2)).toEqual([]);
    expect(states()).toEqual({ cancelled: 2 });
  });

  it('a message being sent cannot be cancelled, with a sentence saying so', () => {
    enqueueMessages(db, [message(1)], { now: T0 });
    const claim = claimAt(T0);
    if (!claim) throw new Error('no claim');
    markDispatched(db, claim, T0 + 1);
    expect(() => cancelMessage(db, claim.rows[0]?.id ?? 0)).toThrow(/being sent right now/);
  });
});
