import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { claimBatch, markDispatched } from '../../../electron/core/outbox/claim';
import { enqueueMessages, type NewMessage } from '../../../electron/core/outbox/enqueue';
import { countInFlight, releaseUndispatchedLeases } from '../../../electron/core/outbox/recover';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let accountId: number;
const T0 = 1_800_000_000_000;

function message(i: number, template = 'Hi'): NewMessage {
  return {
    accountId,
    recipient: `3466600${String(i).padStart(4, '0')}`,
    sender: 'SHOP',
    template,
    body: template,
    encoding: 'gsm',
    segments: 1,
    maxParts: 1,
  };
}

function stateOf(recipient: string): { state: string; lease_owner: string | null } {
  return db
    .prepare('SELECT state, lease_owner FROM messages WHERE recipient = ?')
    .get(recipient) as { state: string; lease_owner: string | null };
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

describe('releasing leases at quit', () => {
  it("queues again this worker's claimed but undispatched rows, at once, and leaves the rest alone", () => {
    enqueueMessages(db, [message(1), message(2, 'Other'), message(3, 'Third')], { now: T0 });
    const mine = claimBatch(db, { owner: 'me', now: T0, leaseMs: 120_000, batchSize: 10 });
    const dispatched = claimBatch(db, { owner: 'me', now: T0, leaseMs: 120_000, batchSize: 10 });
    const theirs = claimBatch(db, { owner: 'other', now: T0, leaseMs: 120_000, batchSize: 10 });
    if (!mine || !dispatched || !theirs) throw new Error('three claims expected');
    markDispatched(db, dispatched, T0);
    expect(countInFlight(db, 'me')).toBe(2);

    // Long before the lease runs out.
    expect(releaseUndispatchedLeases(db, 'me', T0 + 1)).toBe(1);

    expect(stateOf(mine.rows[0]?.recipient ?? '')).toEqual({ state: 'queued', lease_owner: null });
    // The provider may have the dispatched one: only reconciliation may settle it.
    expect(stateOf(dispatched.rows[0]?.recipient ?? '').state).toBe('sending');
    expect(stateOf(theirs.rows[0]?.recipient ?? '')).toEqual({
      state: 'sending',
      lease_owner: 'other',
    });
    expect(countInFlight(db, 'me')).toBe(1);
    // The released row can be claimed again straight away.
    expect(
      claimBatch(db, { owner: 'me', now: T0 + 2, leaseMs: 1, batchSize: 10 })?.rows,
    ).toHaveLength(1);
  });

  it('releases nothing when nothing is in flight', () => {
    enqueueMessages(db, [message(1)], { now: T0 });
    expect(releaseUndispatchedLeases(db, 'me', T0)).toBe(0);
    expect(stateOf('34666000001').state).toBe('queued');
  });
});
