import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, contract } from '../../shared/ipc/contract';
import { type EventName, events } from '../../shared/ipc/events';
import { createElectronStub } from './electron-stub';
import {
  devBindingPath,
  type LoadedBundle,
  loadMainBundle,
  mainBundle,
  root,
  until,
} from './load-main-bundle';
import { sampleRequests } from './sample-requests';

const rendererPage = join(root, 'out', 'renderer', 'index.html');

const dataDir = mkdtempSync(join(tmpdir(), 'outpost-smoke-'));
// Development, as under `npm start`: the app folder is the checkout.
const stub = createElectronStub(dataDir, { isPackaged: false, appPath: root });
const trustedEvent = { senderFrame: { url: pathToFileURL(rendererPage).href } };
let bundle: LoadedBundle;

async function call(channel: string, payload: unknown, event: unknown = trustedEvent) {
  const handler = stub.handlers.get(channel);
  if (!handler) throw new Error(`${channel} is not registered`);
  return (await handler(event, payload)) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string };
  };
}

beforeAll(async () => {
  if (!existsSync(mainBundle))
    throw new Error('out/main/index.js is missing: run `npm run build` first.');
  delete process.env.ELECTRON_RENDERER_URL;
  bundle = loadMainBundle(stub);
  stub.start();
  // Let the bundle's start-up (database, embedded sandbox, IPC) run.
  await until(() => stub.windows.length > 0);
});

afterAll(async () => {
  const quit = new Promise((resolve) => stub.appEvents.once('quit', resolve));
  stub.appEvents.emit('will-quit', { preventDefault: () => {} });
  await quit;
  bundle.restore();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the built main bundle, started with a stub electron', () => {
  it('loads better-sqlite3 from the Electron-build folder of the checkout, not the Node build', () => {
    expect(bundle.askedBindings.length).toBeGreaterThan(0);
    expect(new Set(bundle.askedBindings)).toEqual(new Set([devBindingPath]));
    expect(stub.errorBoxes).toEqual([]);
  });

  it('registers exactly the channels of the contract', () => {
    expect([...stub.handlers.keys()].sort()).toEqual([...channels].sort());
  });

  it('fills the Sandbox demo contacts by itself at the first start (no "Sync now")', async () => {
    let total = 0;
    for (let i = 0; i < 100 && total === 0; i++) {
      const result = await call('contacts.search', { query: '' });
      total = (result.value as { total: number }).total;
      if (total === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(total).toBeGreaterThanOrEqual(100);
    const events = (stub.windows[0]?.sent ?? []).map(
      (s) => s.message as { name: string; payload: { phase?: string } },
    );
    expect(events).toContainEqual({
      name: 'sync.state',
      payload: expect.objectContaining({ phase: 'finished' }),
    });
  });

  it.each(channels)(
    '%s answers a valid call with a reply that matches the contract',
    async (channel) => {
      const result = await call(channel, sampleRequests[channel]);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(contract[channel].reply.safeParse(result.value).success).toBe(true);
    },
  );

  it.each(channels)('%s rejects an invalid payload before any handler runs', async (channel) => {
    const result = await call(channel, { unexpected: 'field' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const notAnObject = await call(channel, 'DROP TABLE messages');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('refuses calls from a frame that is not the app page', async () => {
    const result = await call('app.info', {}, { senderFrame: { url: 'https://evil.example/' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('runs on the embedded Sandbox account when no provider is configured', async () => {
    const accounts = await call('accounts.list', {});
    expect(accounts.value).toEqual([
      expect.objectContaining({ name: 'Sandbox', provider: 'nrs', sandbox: true, paused: null }),
    ]);
  });

  it('opens the database in the profile folder, in WAL mode with synchronous=FULL', async () => {
    const result = await call('db.health', {});
    expect(result.value).toMatchObject({
      file: join(dataDir, 'outpost.sqlite'),
      journalMode: 'wal',
      synchronous: 2,
      foreignKeys: true,
    });
  });

  it('creates the window with the secure defaults and the built page', () => {
    const [window] = stub.windows;
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String(window?.options.webPreferences?.preload)).toMatch(
      /out[\\/]preload[\\/]index\.js$/,
    );
    expect(window?.loaded).toEqual([rendererPage]);
  });

  it('denies new windows and sends only https links to the browser', () => {
    const [window] = stub.windows;
    expect(window?.windowOpenHandler?.({ url: 'https://example.com/help', disposition: 'foreground-tab' })).toEqual({
      action: 'deny',
    });
    expect(window?.windowOpenHandler?.({ url: 'file:///etc/passwd', disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
    expect(stub.opened).toEqual(['https://example.com/help']);
  });

  it('prevents navigation away from the app page', () => {
    const [window] = stub.windows;
    let prevented = false;
    window?.contents.emit(
      'will-navigate',
      {
        preventDefault: () => {
          prevented = true;
        },
      },
      'https://evil.example/',
    );
    expect(prevented).toBe(true);
  });

  it('forwards core events to the app window only, as {name, payload} matching the contract', async () => {
    const Window = stub.module.BrowserWindow as new (
      options: object,
    ) => { loadURL: (url: string) => Promise<void> };
    await new Window({}).loadURL('https://evil.example/');
    const [app, foreign] = stub.windows;
    await call('accounts.pause', { accountId: 1 });
    await call('accounts.resume', { accountId: 1 });
    const names = (app?.sent ?? []).map((s) => (s.message as { name: string }).name);
    expect(names).toEqual(expect.arrayContaining(['account.paused', 'account.resumed']));
    for (const { channel, message } of app?.sent ?? []) {
      expect(channel).toBe('outpost:event');
      const { name, payload } = message as { name: EventName; payload: unknown };
      expect(events[name].safeParse(payload).success, name).toBe(true);
    }
    expect(foreign?.sent).toEqual([]);
  });
});
