import { startEmbeddedSandbox as startInCore } from '../core/accounts/embedded-sandbox';
import type { CoreContext } from '../core/context';
import type { MemoryVault } from '../core/vault/memory-vault';
import { EMBEDDED_SANDBOX_OPTIONS, type SandboxHandle, startSandbox } from '../sandbox';

/** The app's embedded Sandbox (see electron/core/accounts/embedded-sandbox.ts). */
export function startEmbeddedSandbox(
  core: CoreContext,
  memory: MemoryVault,
): Promise<SandboxHandle | null> {
  return startInCore(core, memory, () => startSandbox(EMBEDDED_SANDBOX_OPTIONS));
}
