import { addAccount } from '../../../electron/core/accounts/repository';
import { CoreContext } from '../../../electron/core/context';
import { createDispatcher } from '../../../electron/core/ipc/dispatch';
import { createHandlers } from '../../../electron/core/ipc/handlers';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { type SandboxHandle, startSandbox } from '../../../electron/sandbox';
import type { Channel, ReplyOf, RequestOf } from '../../../shared/ipc/contract';
import { tempDir } from '../../helpers/temp-dir';

/**
 * The app's core over the real dispatcher (schemas in and out), with one
 * account per provider on the sandbox (demo data loaded), as the Contacts
 * view reaches it.
 */
export interface ContactsWorld {
  sandbox: SandboxHandle;
  core: CoreContext;
  ids: { nrs: number; action: number; book: number; tags: number };
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ReplyOf<C>>;
  /** The dispatcher's error sentence for a refused call. */
  refusal<C extends Channel>(channel: C, request: RequestOf<C>): Promise<string>;
  close(): Promise<void>;
}

export async function startContactsWorld(): Promise<ContactsWorld> {
  const sandbox = await startSandbox({});
  const dir = tempDir('outpost-contacts-');
  const vault = new MemoryVault();
  const core = new CoreContext({ dataDir: dir.path, version: 'test', vault });
  const add = (
    name: string,
    provider: 'nrs' | 'action' | 'addressbook' | 'tags',
    baseUrl: string,
    secret: string,
  ) =>
    addAccount(core.db, {
      name,
      provider,
      baseUrl,
      ...(provider === 'nrs' ? { username: sandbox.apis.nrs.username } : {}),
      secretRef: vault.store(name, secret),
    }).id;
  const ids = {
    nrs: add('Main', 'nrs', sandbox.apis.nrs.baseUrl, sandbox.apis.nrs.password),
    action: add('Shop', 'action', sandbox.apis.action.baseUrl, sandbox.apis.action.secretKey),
    book: add(
      'Books',
      'addressbook',
      sandbox.apis.addressbook.baseUrl,
      sandbox.apis.addressbook.token,
    ),
    tags: add('Tags', 'tags', sandbox.apis.tags.baseUrl, sandbox.apis.tags.apiKey),
  };
  const dispatch = createDispatcher(createHandlers(core));
  return {
    sandbox,
    core,
    ids,
    call: async (channel, request) => {
      const r = await dispatch(channel, request);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as never;
    },
    refusal: async (channel, request) => {
      const r = await dispatch(channel, request);
      if (r.ok) throw new Error(`${channel} was accepted`);
      return r.error.message;
    },
    close: async () => {
      await core.close();
      await sandbox.close();
      dir.remove();
    },
  };
}
