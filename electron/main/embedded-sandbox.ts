import { listAccounts } from '../core/accounts/repository';
import {
  ensureSandboxAccount,
  hasOwnAccounts,
  SANDBOX_ACCOUNT,
} from '../core/accounts/sandbox-account';
import type { CoreContext } from '../core/context';
import type { MemoryVault } from '../core/vault/memory-vault';
import { type SandboxHandle, startSandbox } from '../sandbox';

/**
 * With no provider account of the person's own, the app runs the simulator
 * on 127.0.0.1 and sends through it, so everything can be tried without
 * credentials; it keeps running while that "Sandbox" account exists, so its
 * history stays usable. Returns the running simulator, or null.
 */
export async function startEmbeddedSandbox(
  core: CoreContext,
  memory: MemoryVault,
): Promise<SandboxHandle | null> {
  // Once the person has an account of their own, the simulator runs only if its account is still there.
  if (hasOwnAccounts(core.db) && !listAccounts(core.db).some((a) => a.name === SANDBOX_ACCOUNT))
    return null;
  const sandbox = await startSandbox({ delivery: { sentAfterMs: 1_000, finalAfterMs: 4_000 } });
  ensureSandboxAccount(core.db, memory, sandbox.apis.nrs);
  return sandbox;
}
