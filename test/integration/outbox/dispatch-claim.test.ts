// The engine's fast path: the lease and the dispatch mark in one statement
// (one fsync before the request), and settles committed without an fsync of
// their own. What must not change: a kill after the claim means "ask the
// provider", never "send again"; the connection stays at synchronous=FULL for
// every other write; accepted rows keep their provider ids.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { withDeferredSync } from '../../../electron/core/db/deferred-sync';
import { claimBatch } from '../../../electron/core/outbox/claim';
import { enqueueMessages } from '../../../electron/core/outbox/enqueue';
import { recoverExpiredLeases } from '../../../electron/core/outbox/recover';
import { settle } from '../../../electron/core/outbox/settle';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let accountId: number;
const T0 = 1_800_000_000_000;

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
  enqueueMessages(
    db,
    Array.from({ length: 5 }, (_, i) => ({
      accountId,
      recipient: `3466611${String(i).padStart(4, '0')}`,
      sender: 'SHOP',
      template: 'Hi {name}',
      fields: { name: `N${i}` },
      body: `Hi N${i}`,
      encoding: 'gsm' as const,
      segments: 1,
      maxParts: 1,
    })),
    { now: T0 },
  );
});

afterEach(() => {
  db.close();
  dir.remove();
});

const rows = () =>
  db
    .prepare(
      'SELECT id, state, attempts, dispatched_at, provider_message_id, parts FROM messages ORDER BY id',
    )
    .all() as {
    id: number;
    state: string;
    attempts: number;
    dispatched_at: number | null;
    provider_message_id: string | null;
    parts: number | null;
  }[];

describe('claiming with the dispatch mark', () => {
  it('marks every claimed row dispatched with one attempt, so a kill then leads to the provider, not a resend', () => {
    const claim = claimBatch(db, {
      owner: 'w',
      now: T0 + 1,
      leaseMs: 1_000,
      batchSize: 10,
      dispatch: true,
    });
    expect(claim?.rows).toHaveLength(5);
    expect(rows().map((r) => [r.state, r.attempts, r.dispatched_at])).toEqual(
      Array(5).fill(['sending', 1, T0 + 1]),
    );
    // The process dies here; its lease runs out.
    expect(recoverExpiredLeases(db, T0 + 2_000)).toEqual({ requeued: 0, unknown: 5 });
  });

  it('without it, a claim stays undispatched and goes back to the queue', () => {
    claimBatch(db, { owner: 'w', now: T0 + 1, leaseMs: 1_000, batchSize: 10 });
    expect(rows().map((r) => [r.attempts, r.dispatched_at])).toEqual(Array(5).fill([0, null]));
    expect(recoverExpiredLeases(db, T0 + 2_000)).toEqual({ requeued: 5, unknown: 0 });
  });
});

describe('settling without an fsync of its own', () => {
  it('writes each accepted row its own provider id and parts, and leaves the connection at FULL', () => {
    const claim = claimBatch(db, {
      owner: 'w',
      now: T0 + 1,
      leaseMs: 1_000,
      batchSize: 10,
      dispatch: true,
    });
    const ids = claim?.rows.map((r) => r.id) ?? [];
    const owned = withDeferredSync(db, () =>
      settle(
        db,
        claim?.token ?? '',
        // In another order than the rows, and one row with no parts.
        [...ids].reverse().map((id) => ({
          id,
          kind: 'accepted' as const,
          messageId: `guid-${id}`,
          parts: id === ids[0] ? null : 2,
          campaignId: 'c1',
          sendingId: 's1',
        })),
        T0 + 60,
      ),
    );
    expect(owned).toBe(5);
    expect(rows()).toEqual(
      ids.map((id) => ({
        id,
        state: 'accepted',
        attempts: 1,
        dispatched_at: T0 + 1,
        provider_message_id: `guid-${id}`,
        parts: id === ids[0] ? null : 2,
      })),
    );
    expect(Number(db.pragma('synchronous', { simple: true }))).toBe(2);
  });

  it('puts synchronous=FULL back when the work throws', () => {
    expect(() =>
      withDeferredSync(db, () => {
        expect(Number(db.pragma('synchronous', { simple: true }))).toBe(1);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Number(db.pragma('synchronous', { simple: true }))).toBe(2);
  });

  it('a settle under a taken-over lease changes nothing', () => {
    const claim = claimBatch(db, {
      owner: 'w',
      now: T0 + 1,
      leaseMs: 1_000,
      batchSize: 10,
      dispatch: true,
    });
    recoverExpiredLeases(db, T0 + 2_000);
    const owned = withDeferredSync(db, () =>
      settle(
        db,
        claim?.token ?? '',
        (claim?.rows ?? []).map((r) => ({
          id: r.id,
          kind: 'accepted' as const,
          messageId: 'late',
          parts: 1,
          campaignId: null,
          sendingId: null,
        })),
        T0 + 2_001,
      ),
    );
    expect(owned).toBe(0);
    expect(new Set(rows().map((r) => r.state))).toEqual(new Set(['unknown']));
  });
});
