import type { CoreContext } from '../context';
import { listWhatsAppTemplates, setWhatsAppTemplates } from '../inbox/templates';
import type { MemoryVault } from '../vault/memory-vault';
import { syncDemoContactsOnFirstRun } from './first-run';
import { listAccounts } from './repository';
import { ensureSandboxAccount, hasOwnAccounts, SANDBOX_ACCOUNT } from './sandbox-account';

/** What the core needs of the simulator (the shells start it: the core never imports it). */
export interface EmbeddedSimulator {
  apis: { nrs: { baseUrl: string; username: string; password: string } };
  close(): Promise<void>;
}

/**
 * With no provider account of the person's own, the shell (the Electron app,
 * `npm run web`) runs the simulator on 127.0.0.1 and sends through it, so
 * everything can be tried without credentials; it keeps running while that
 * "Sandbox" account exists, so its history stays usable. On the first run its
 * demo contacts are synced in the background. Returns the running simulator,
 * or null.
 */
export async function startEmbeddedSandbox<S extends EmbeddedSimulator>(
  core: CoreContext,
  memory: MemoryVault,
  start: () => Promise<S>,
): Promise<S | null> {
  // Once the person has an account of their own, the simulator runs only if its account is still there.
  if (hasOwnAccounts(core.db) && !listAccounts(core.db).some((a) => a.name === SANDBOX_ACCOUNT))
    return null;
  const simulator = await start();
  const accountId = ensureSandboxAccount(core.db, memory, simulator.apis.nrs);
  syncDemoContactsOnFirstRun(core, accountId);
  knowDemoTemplates(core, accountId);
  return simulator;
}

/** The simulator's approved WhatsApp templates (its demo data), so the Sandbox account can send them. */
function knowDemoTemplates(core: CoreContext, accountId: number): void {
  if (listWhatsAppTemplates(core.db, accountId).length > 0) return;
  setWhatsAppTemplates(core.db, accountId, [
    { templateId: 123, name: 'order_update', body: 'Hello {{1}}, your order {{2}} is on its way.' },
    { templateId: 124, name: 'auth_code', body: 'Your code is {{1}}.' },
  ]);
}
