import { afterEach, describe, expect, it, vi } from 'vitest';

/** A window.outpost whose accounts.list answers with a new list at each call. */
function countingOutpost() {
  const asked = { accounts: 0, settings: 0 };
  const outpost = {
    accounts: {
      list: async () => {
        asked.accounts += 1;
        return [{ id: asked.accounts, name: `answer ${asked.accounts}` }];
      },
    },
    settings: {
      get: async () => {
        asked.settings += 1;
        return { language: 'es', theme: 'dark', defaultCountry: 'PT', defaultSender: 'SHOP' };
      },
    },
  };
  return { asked, outpost };
}

/** The stores as a fresh page would evaluate them, with `outpost` (or none) on window. */
async function freshStores(outpost: unknown) {
  vi.resetModules();
  vi.stubGlobal('window', outpost === undefined ? {} : { outpost });
  const accounts = await import('../../../renderer/src/features/accounts/store');
  const settings = await import('../../../renderer/src/features/settings/store');
  return { accounts: accounts.useAccounts, settings: settings.useSettings };
}

afterEach(() => vi.unstubAllGlobals());

describe("the start's first answers, asked before the start file runs", () => {
  it('are asked once, when the page starts, and are what the first load shows', async () => {
    const { asked, outpost } = countingOutpost();
    const stores = await freshStores(outpost);
    expect(asked).toEqual({ accounts: 1, settings: 1 });
    await Promise.all([stores.accounts.getState().load(), stores.settings.getState().load()]);
    expect(asked).toEqual({ accounts: 1, settings: 1 });
    expect(stores.accounts.getState().accounts.map((a) => a.name)).toEqual(['answer 1']);
    expect(stores.settings.getState().preferences.defaultCountry).toBe('PT');
  });

  it('are not shown again: a later load (after adding an account) asks the core anew', async () => {
    const { asked, outpost } = countingOutpost();
    const stores = await freshStores(outpost);
    await stores.accounts.getState().load();
    await stores.accounts.getState().load();
    expect(asked.accounts).toBe(2);
    expect(stores.accounts.getState().accounts.map((a) => a.name)).toEqual(['answer 2']);
  });

  it('without a bridge at start, the first load asks (and reports) itself', async () => {
    const stores = await freshStores(undefined);
    await stores.accounts.getState().load();
    expect(stores.accounts.getState().error).toMatch(/window\.outpost is missing/);
    const { asked, outpost } = countingOutpost();
    vi.stubGlobal('window', { outpost });
    await stores.accounts.getState().load();
    expect(asked.accounts).toBe(1);
    expect(stores.accounts.getState().accounts.map((a) => a.name)).toEqual(['answer 1']);
  });
});
