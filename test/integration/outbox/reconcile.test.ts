import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { enqueueMessages } from '../../../electron/core/outbox/enqueue';
import { reconcileUnknown } from '../../../electron/core/outbox/reconcile';
import { ProviderError } from '../../../electron/core/providers/errors';
import type { ProviderAdapter } from '../../../electron/core/providers/types';
import type { BatchReconciliation, ReconciledState } from '../../../shared/domain/reconciliation';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let accountId: number;
const REQUEST = 'outpost-test-request';
const NOW = 1_000_000;

beforeEach(() => {
  dir = tempDir('outpost-reconcile-');
  db = openAppDatabase(dir.path);
  accountId = addAccount(db, {
    name: 'A',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:9',
    secretRef: 'env:NONE',
  }).id;
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
  dir.remove();
});

/** Rows of one request whose answer was lost, as the engine leaves them. */
function lostRequest(recipients: readonly string[]): number[] {
  const ids = enqueueMessages(
    db,
    recipients.map((recipient) => ({
      accountId,
      recipient,
      sender: 'SHOP',
      template: 'Hi',
      body: 'Hi',
      encoding: 'gsm' as const,
      segments: 1,
      maxParts: 1,
    })),
    { now: NOW - 10_000 },
  );
  db.prepare(
    `UPDATE messages SET state = 'unknown', request_name = ?, not_before = ?, attempts = 1,
       dispatched_at = ?`,
  ).run(REQUEST, NOW - 1, NOW - 5_000);
  return ids;
}

function adapterAnswering(
  reconcileBatch: ProviderAdapter['reconcileBatch'],
): () => ProviderAdapter {
  const adapter = {
    provider: 'nrs',
    capabilities: { reconcile: true },
    reconcileBatch,
  } as unknown as ProviderAdapter;
  return () => adapter;
}

function answer(recipients: { to: string; state: ReconciledState }[]): BatchReconciliation {
  return {
    campaignFound: true,
    acceptedCount: recipients.filter((r) => r.state === 'accepted').length,
    sendingIds: ['s1'],
    recipients: recipients.map((r) => ({ ...r, events: [] })),
  };
}

const stateOf = (id: number) =>
  db
    .prepare('SELECT state, error_code AS code, not_before AS notBefore FROM messages WHERE id = ?')
    .get(id) as {
    state: string;
    code: string | null;
    notBefore: number;
  };

const reconcile = (adapterFor: () => ProviderAdapter) =>
  reconcileUnknown(db, adapterFor, { now: NOW, retryMs: 30_000 });

describe('reconciling a request whose answer was lost', () => {
  it('settles each row by its own recipient, in whatever order the provider lists them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .uniqueArray(fc.integer({ min: 600_000_000, max: 699_999_999 }), {
            minLength: 1,
            maxLength: 8,
          })
          .chain((numbers) =>
            fc.tuple(
              fc.constant(numbers),
              fc.shuffledSubarray(numbers, { minLength: numbers.length }),
              fc.array(fc.constantFrom<ReconciledState>('accepted', 'absent'), {
                minLength: numbers.length,
                maxLength: numbers.length,
              }),
            ),
          ),
        async ([numbers, listedOrder, states]) => {
          db.exec('DELETE FROM messages');
          const recipients = numbers.map((n) => `34${n}`);
          const ids = lostRequest(recipients);
          const stateOfNumber = new Map(numbers.map((n, i) => [n, states[i] ?? 'absent']));
          const listed = listedOrder.map((n) => ({
            to: `34${n}`,
            state: stateOfNumber.get(n) ?? 'absent',
          }));
          await reconcile(adapterAnswering(async () => answer(listed)));
          numbers.forEach((n, i) => {
            const expected = stateOfNumber.get(n) === 'accepted' ? 'accepted' : 'queued';
            expect(stateOf(ids[i] ?? 0).state).toBe(expected);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a recipient the answer leaves out is neither sent again nor marked sent', async () => {
    const [a = 0, b = 0] = lostRequest(['34600000001', '34600000002']);
    await reconcile(adapterAnswering(async () => answer([{ to: '34600000002', state: 'absent' }])));
    expect(stateOf(a).state).toBe('unknown');
    expect(stateOf(b).state).toBe('queued');
  });

  it('a provider that cannot be asked right now is asked again later', async () => {
    const [id = 0] = lostRequest(['34600000001']);
    const busy = new ProviderError({
      code: 'network',
      httpStatus: null,
      kind: 'transient',
      message: 'The provider could not be reached.',
    });
    const report = await reconcile(
      adapterAnswering(async () => {
        throw busy;
      }),
    );
    expect(report.pending).toBe(1);
    expect(stateOf(id)).toMatchObject({ state: 'unknown', code: null, notBefore: NOW + 30_000 });
  });

  it('a provider refusing the question leaves the row for a person, never sent again on a guess', async () => {
    const [id = 0] = lostRequest(['34600000001']);
    const refused = new ProviderError({
      code: 404,
      httpStatus: 404,
      kind: 'permanent',
      message: 'Not found.',
    });
    const report = await reconcile(
      adapterAnswering(async () => {
        throw refused;
      }),
    );
    expect(report.parked).toBe(1);
    expect(stateOf(id)).toMatchObject({ state: 'unknown', code: 'unreconcilable' });
  });

  it('a fault of ours is logged, and the rows stay "outcome unknown" until asked again', async () => {
    const [id = 0] = lostRequest(['34600000001']);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const report = await reconcile(
      adapterAnswering(async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'sendings')");
      }),
    );
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/could not reconcile.*reading 'sendings'/s);
    expect(report).toMatchObject({ accepted: 0, requeued: 0, parked: 0 });
    expect(stateOf(id)).toMatchObject({ state: 'unknown', code: null, notBefore: NOW + 30_000 });
  });
});
