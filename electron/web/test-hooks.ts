import { events } from '../../shared/ipc/events';
import type { CoreContext } from '../core';
import { listAccounts } from '../core/accounts/repository';
import { SANDBOX_ACCOUNT } from '../core/accounts/sandbox-account';
import type { SandboxHandle } from '../sandbox';
import type { TestHook } from './server';
import type { TestSimulators } from './test-simulators';

function text(body: unknown, field: string): string {
  const value = (body as Record<string, unknown> | null)?.[field];
  if (typeof value !== 'string' || value === '') throw new Error(`"${field}" is required.`);
  return value;
}

function sandboxAccountId(core: CoreContext): number {
  const account = listAccounts(core.db).find((a) => a.name === SANDBOX_ACCOUNT);
  if (!account) throw new Error('The Sandbox account is not there.');
  return account.id;
}

/**
 * The e2e suite's hands on the simulator, given to the web shell only when
 * OUTPOST_WEB_TEST_HOOKS=1 (playwright.config.ts sets it): a person writes on
 * WhatsApp (one message, or `count` of them spread over the past hours as a
 * long history), and the app looks for new messages at once instead of at its
 * next minute; faults on the wire; whether a number is on the simulator's
 * SMS blacklist; the app menu's items; and a simulator of a spec's own (`simulator`: its addresses
 * and credentials, for the spec to add an account with through the app), so
 * that spec's figures and contacts are untouched by the others' sends and syncs.
 */
export function sandboxTestHooks(
  core: CoreContext,
  sandbox: SandboxHandle,
  simulators: TestSimulators,
): Record<string, TestHook> {
  return {
    simulator: async (body) => {
      const seed = Number((body as { seed?: unknown }).seed ?? 1);
      if (!Number.isInteger(seed)) throw new Error('"seed" must be a whole number.');
      return { apis: await simulators.start(seed) };
    },
    'inbound-whatsapp': async (body) => {
      const from = text(body, 'from');
      const to = text(body, 'to');
      const message = text(body, 'text');
      const count = Number((body as { count?: unknown }).count ?? 1);
      if (!Number.isInteger(count) || count < 1 || count > 10_000)
        throw new Error('"count" must be a whole number from 1 to 10000.');
      const now = Date.now();
      for (let i = 0; i < count; i++) {
        const at = count === 1 ? now : now - (count - i) * 1_000;
        sandbox.addInboundWhatsApp(from, to, count === 1 ? message : `${message} ${i + 1}`, at);
      }
      await core.sync.syncConversationsNow();
      return { added: count };
    },
    /** Faults on the simulator's wire (`reset-before=1` …), or none with an empty spec. */
    faults: async (body) => {
      const spec = (body as { spec?: unknown }).spec;
      sandbox.setFaults(typeof spec === 'string' && spec !== '' ? spec : null);
      return {};
    },
    /** The app menu, as the Electron shell sends it (electron/main/app-menu.ts): `{"view":"import"}`. */
    menu: async (body) => {
      const event = events['app.navigate'].parse({ view: text(body, 'view') });
      core.events.bus.emit('app.navigate', event);
      return {};
    },
    'on-blacklist': async (body) => {
      const phone = text(body, 'phone');
      const page = await core.adapters
        .get(sandboxAccountId(core))
        .listBlacklist('sms', { page: 1, pageSize: 100, recipient: phone });
      return { listed: page.items.some((e) => e.recipient.replace(/\D/g, '') === phone) };
    },
  };
}
