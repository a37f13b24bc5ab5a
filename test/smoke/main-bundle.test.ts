import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import fc from 'fast-check';
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
// A backup for the backups.restore sample to stage (a plain, valid SQLite file).
mkdirSync(join(dataDir, 'backups'));
new Database(join(dataDir, 'backups', 'outpost-20261201T000000000Z-daily.sqlite'))
  .exec('CREATE TABLE kept (x)')
  .close();
// Development, as under `npm start`: the app folder is the checkout.
const stub = createElectronStub(dataDir, { isPackaged: false, appPath: root });
const appPage = 'outpost://app/index.html';
const trustedEvent = { senderFrame: { url: appPage } };
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
    expect(window?.loaded).toEqual([appPage]);
  });

  it('registers its page scheme before ready, standard, secure and with V8 code cache', () => {
    expect(stub.privilegedSchemes).toEqual([
      {
        schemes: [
          {
            scheme: 'outpost',
            privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
          },
        ],
        afterReady: false,
      },
    ]);
  });

  it('serves the built page and its scripts on that scheme, and nothing outside out/renderer', async () => {
    const handler = stub.protocolHandlers.get('outpost');
    if (!handler) throw new Error('no handler for outpost://');
    const get = (url: string) => Promise.resolve(handler(new Request(url)));
    const page = await get(appPage);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toBe(readFileSync(rendererPage, 'utf8'));
    // Every script the page names (the first answers' and the start file), each served whole.
    const scripts = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length, 'the built page names its scripts').toBeGreaterThan(0);
    for (const script of scripts) {
      const js = await get(`outpost://app/${script}`);
      // A module script is refused unless its type is JavaScript.
      expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
      const onDisk = readFileSync(join(root, 'out', 'renderer', script as string));
      expect(Buffer.from(await js.arrayBuffer()).equals(onDisk), script).toBe(true);
    }
    for (const outside of [
      'outpost://app/../main/index.js',
      'outpost://app/%2e%2e/main/index.js',
      'outpost://app/..%2fmain%2findex.js',
      'outpost://other/index.html',
      'outpost://app/no-such-file.js',
    ])
      expect((await get(outside)).status, outside).toBe(404);
  });

  it('denies new windows and sends only https links to the browser', () => {
    const [window] = stub.windows;
    expect(
      window?.windowOpenHandler?.({
        url: 'https://example.com/help',
        disposition: 'foreground-tab',
      }),
    ).toEqual({
      action: 'deny',
    });
    expect(
      window?.windowOpenHandler?.({ url: 'file:///etc/passwd', disposition: 'foreground-tab' }),
    ).toEqual({ action: 'deny' });
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

type MenuItem = ReturnType<typeof stub.appMenu>[number];
function flatten(items: MenuItem[]): MenuItem[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}
const item = (items: MenuItem[], id: string) => flatten(items).find((i) => i.id === id);

describe('the shell around the window', () => {
  it('every channel answers bad-request to any payload its schema refuses (fast-check)', async () => {
    for (const channel of channels) {
      const schema = contract[channel].request;
      await fc.assert(
        fc.asyncProperty(
          // undefined/null are "no argument", read as {} by the dispatcher on purpose.
          fc.anything().filter((value) => value != null && !schema.safeParse(value).success),
          async (payload) => {
            const result = await call(channel, payload);
            expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
          },
        ),
        { numRuns: 25 },
      );
    }
  });

  it('builds the app menu with the views, accelerators and a Help › Reveal logs, in English', async () => {
    await call('settings.set', { language: 'en' });
    const menu = stub.appMenu();
    expect(item(menu, 'new-message')).toMatchObject({
      label: 'New message',
      accelerator: 'CmdOrCtrl+N',
    });
    expect(item(menu, 'bulk-send')?.label).toBe('Bulk send…');
    expect(item(menu, 'import-contacts')?.label).toBe('Import contacts…');
    expect(item(menu, 'outbox')?.label).toBe('Outbox');
    expect(item(menu, 'settings')).toMatchObject({ accelerator: 'CmdOrCtrl+,' });
    expect(menu.map((m) => m.role)).toEqual(
      expect.arrayContaining(['editMenu', 'windowMenu', 'help']),
    );
    const before = stub.openedPaths.length;
    item(menu, 'reveal-logs')?.click?.();
    expect(stub.openedPaths.slice(before)).toEqual([join(dataDir, 'logs')]);
  });

  it('a menu item asks the app window to show its view (app.navigate)', () => {
    const [window] = stub.windows;
    item(stub.appMenu(), 'bulk-send')?.click?.();
    expect(window?.sent.at(-1)?.message).toEqual({
      name: 'app.navigate',
      payload: { view: 'bulk' },
    });
  });

  it('builds the tray with the queued count, Pause all sending and Open; pausing offers Resume', async () => {
    const tray = stub.tray();
    expect(tray?.tooltip).toMatch(/Outpost — \d+ messages? queued/);
    expect(tray?.menu.map((m) => m.id)).toEqual(
      expect.arrayContaining(['queued', 'pause-all', 'open', 'quit']),
    );
    item(tray?.menu ?? [], 'pause-all')?.click?.();
    const accounts = await call('accounts.list', {});
    expect((accounts.value as { paused: unknown }[])[0]?.paused).not.toBeNull();
    expect(item(stub.tray()?.menu ?? [], 'resume-all')?.label).toBe('Resume sending');
    item(stub.tray()?.menu ?? [], 'resume-all')?.click?.();
    const after = await call('accounts.list', {});
    expect((after.value as { paused: unknown }[])[0]?.paused).toBeNull();
  });

  it('a pause the person made raises no notification (they know)', () => {
    const titles = stub.notifications.map((n) => n.title);
    expect(titles).not.toContain('An account stopped sending');
  });

  it('switches the menu and tray to Spanish when the language setting changes', async () => {
    await call('settings.set', { language: 'es' });
    expect(item(stub.appMenu(), 'new-message')?.label).toBe('Nuevo mensaje');
    expect(item(stub.appMenu(), 'reveal-logs')?.label).toBe('Mostrar registros');
    expect(item(stub.tray()?.menu ?? [], 'pause-all')?.label).toBe('Pausar todos los envíos');
    await call('settings.set', { language: 'en' });
    expect(item(stub.appMenu(), 'new-message')?.label).toBe('New message');
  });

  it('denies every permission request and check, and any remote request', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      stub.session.permissionRequest?.({}, permission, (ok) => answers.push(ok));
      answers.push(stub.session.permissionCheck?.({}, permission) ?? true);
    }
    expect(answers).toEqual(Array(8).fill(false));
    const cancelled = (url: string) => {
      let result: boolean | undefined;
      stub.session.beforeRequest?.({ url }, (r) => {
        result = r.cancel;
      });
      return result;
    };
    expect(cancelled('https://cdn.example/script.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:9/')).toBe(true);
    expect(cancelled(pathToFileURL(rendererPage).href)).toBe(false);
    expect(cancelled(`${appPage.replace('index.html', 'assets/x.js')}`)).toBe(false);
  });

  it('refuses window.open from script even for https, and redirects', () => {
    const [window] = stub.windows;
    const before = stub.opened.length;
    expect(
      window?.windowOpenHandler?.({ url: 'https://example.com/', disposition: 'new-window' }),
    ).toEqual({
      action: 'deny',
    });
    expect(stub.opened.length).toBe(before);
    let prevented = false;
    window?.contents.emit(
      'will-redirect',
      { preventDefault: () => (prevented = true) },
      'https://x.example/',
    );
    expect(prevented).toBe(true);
  });

  it('says plainly in a core-visible status that the secret store is not secure', async () => {
    const status = await call('app.secretStorage', {});
    expect(status.value).toMatchObject({ backend: 'basic_text', secure: false });
    expect((status.value as { sentence: string }).sentence).toMatch(/no secure store/);
  });
});
