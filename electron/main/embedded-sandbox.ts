import { ensureSandboxAccount, hasOwnAccounts } from '../core/accounts/sandbox-account';
import type { CoreContext } from '../core/context';
import type { MemoryVault } from '../core/vault/memory-vault';
import { type SandboxHandle, startSandbox } from '../sandbox';

/**
 * With no provider account of the person's own, the app runs the simulator
 * on 127.0.0.1 and sends through it, so everything can be tried without
 * credentials. Returns the running simulator, or null when none is needed.
 */
export async function startEmbeddedSandbox(
  core: CoreContext,
  memory: MemoryVault,
): Promise<SandboxHandle | null> {
  if (hasOwnAccounts(core.db)) return null;
  const sandbox = await startSandbox({ delivery: { sentAfterMs: 1_000, finalAfterMs: 4_000 } });
  ensureSandboxAccount(core.db, memory, sandbox.apis.nrs);
  return sandbox;
}
