// A separate process that drains an outbox: the kill and two-drainer tests
// start it, kill it with SIGKILL, and start it again. Same engine as the CLI,
// with short leases so recovery after a kill takes seconds, not minutes.
// With "kill-after-drain" it SIGKILLs itself the moment drain() resolves, as
// a crash right after a CLI's drain would.
import { AdapterPool } from '../../../electron/core/accounts/adapters';
import { openAppDatabase } from '../../../electron/core/db/database';
import { OutboxEngine } from '../../../electron/core/outbox/engine';
import { EnvVault } from '../../../electron/core/vault/env-vault';
import { FAST } from '../../helpers/outbox-harness';

async function main() {
  const [dataDir, timeout = '60000', then] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: drain-child DATA_DIR [TIMEOUT_MS]');
  const db = openAppDatabase(dataDir);
  const pool = new AdapterPool(db, new EnvVault(), {
    totalTimeoutMs: 1_000,
    headersTimeoutMs: 1_000,
  });
  const engine = new OutboxEngine(db, pool.get, { ...FAST, leaseMs: 2_000, concurrency: 2 });
  process.stdout.write('started\n');
  const totals = await engine.drain({ timeoutMs: Number(timeout) });
  if (then === 'kill-after-drain') process.kill(process.pid, 'SIGKILL');
  process.stdout.write(`${JSON.stringify(totals)}\n`);
  await pool.closeAll();
  db.close();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
