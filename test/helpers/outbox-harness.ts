import { AdapterPool } from '../../electron/core/accounts/adapters';
import { addAccount } from '../../electron/core/accounts/repository';
import type { Db } from '../../electron/core/db/connection';
import { openAppDatabase } from '../../electron/core/db/database';
import { type EngineOptions, OutboxEngine } from '../../electron/core/outbox/engine';
import { enqueueMessages, type NewMessage } from '../../electron/core/outbox/enqueue';
import type { RetryPolicy } from '../../electron/core/outbox/policy';
import { EnvVault } from '../../electron/core/vault/env-vault';
import { type SandboxHandle, type SandboxOptions, startSandbox } from '../../electron/sandbox';
import type { OutgoingBatch, SendResult } from '../../shared/domain/message';
import { tempDir } from './temp-dir';

export const FAST_POLICY: RetryPolicy = {
  baseMs: 20,
  capMs: 200,
  giveUpAfterMs: 60_000,
  retryAfterMinMs: 10,
  retryAfterMaxMs: 1_500,
};

/** Fast timings so a test exercises retries, leases and reconciliation in seconds. */
export const FAST: Omit<EngineOptions, 'db' | 'adapterFor'> = {
  batchSize: 50,
  concurrency: 2,
  leaseMs: 5_000,
  reconcileDelayMs: 300,
  offlineRetryMs: 200,
  probeIntervalMs: 200,
  policy: FAST_POLICY,
};

/** A data folder with an nrs account pointed at a fresh sandbox. */
export interface Harness {
  dir: string;
  db: Db;
  sandbox: SandboxHandle;
  accountId: number;
  env: NodeJS.ProcessEnv;
  pool: AdapterPool;
  engine: (options?: Omit<EngineOptions, 'db' | 'adapterFor'>) => OutboxEngine;
  enqueue: (count: number, extra?: Partial<NewMessage>) => number[];
  close: () => Promise<void>;
}

export const SECRET_ENV = 'OUTPOST_TEST_NRS_PASSWORD';

export async function startHarness(
  sandboxOptions: SandboxOptions = {},
  account: { localAddress?: string } = {},
): Promise<Harness> {
  const dir = tempDir('outpost-outbox-');
  const sandbox = await startSandbox({ demoData: false, credits: 1_000_000, ...sandboxOptions });
  const db = openAppDatabase(dir.path);
  const env = { [SECRET_ENV]: sandbox.apis.nrs.password };
  const { id: accountId } = addAccount(db, {
    name: 'Sandbox',
    provider: 'nrs',
    baseUrl: sandbox.apis.nrs.baseUrl,
    username: sandbox.apis.nrs.username,
    secretRef: `env:${SECRET_ENV}`,
    localAddress: account.localAddress ?? null,
  });
  const pool = new AdapterPool(db, new EnvVault(env), {
    totalTimeoutMs: 2_000,
    headersTimeoutMs: 2_000,
    bodyTimeoutMs: 2_000,
  });
  return {
    dir: dir.path,
    db,
    sandbox,
    accountId,
    env,
    pool,
    engine: (options = {}) => new OutboxEngine(db, pool.get, { ...FAST, ...options }),
    enqueue: (count, extra = {}) =>
      enqueueMessages(
        db,
        Array.from({ length: count }, (_, i) => ({
          accountId,
          recipient: `3466${String(1_000_000 + i).padStart(7, '0')}`,
          sender: 'OUTPOST',
          template: 'Your table is ready.',
          body: 'Your table is ready.',
          encoding: 'gsm' as const,
          segments: 1,
          maxParts: 1,
          ...extra,
        })),
      ),
    close: async () => {
      await pool.closeAll();
      db.close();
      await sandbox.close();
      dir.remove();
    },
  };
}

/** Ledger entries by recipient: how many times the provider accepted each. */
export function acceptedTimes(sandbox: SandboxHandle): Map<string, number> {
  const times = new Map<string, number>();
  for (const entry of sandbox.ledger())
    times.set(entry.to, (times.get(entry.to) ?? 0) + entry.times);
  return times;
}

export function stateCounts(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT state, count(*) AS n FROM messages GROUP BY state').all() as {
    state: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** A provider's answer to a whole batch from a test's own adapter: every recipient accepted, or every one refused for a while (500). */
export function answerEvery(batch: OutgoingBatch, result: 'accept' | 'retry'): SendResult {
  return {
    campaignId: null,
    sendingId: null,
    results: batch.recipients.map((r, i) =>
      result === 'accept'
        ? {
            to: r.to,
            accepted: true as const,
            messageId: `m-${r.to}-${i}`,
            parts: 1,
            scheduledAt: null,
            expiresAt: null,
          }
        : {
            to: r.to,
            accepted: false as const,
            failure: {
              code: 500,
              httpStatus: 500,
              kind: 'transient' as const,
              message: 'The provider had a hiccup.',
            },
          },
    ),
  };
}
