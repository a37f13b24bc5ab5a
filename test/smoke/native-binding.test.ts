import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bindingFailureMessage } from '../../electron/main/binding-check';
import { createElectronStub, type ElectronStub } from './electron-stub';
import { devBindingPath, type LoadedBundle, loadMainBundle, root, until } from './load-main-bundle';

// What Electron 45 says when it is handed the Node build (measured with better-sqlite3 12).
const ABI_MISMATCH =
  "The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150.";

const processWithResources = process as NodeJS.Process & { resourcesPath?: string };
let cleanups: Array<() => void | Promise<void>> = [];

beforeAll(() => {
  delete process.env.ELECTRON_RENDERER_URL;
});

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function start(
  options: Parameters<typeof createElectronStub>[1],
  binding?: (path: string) => unknown,
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-smoke-binding-'));
  const stub = createElectronStub(dataDir, options);
  const bundle: LoadedBundle = loadMainBundle(stub, binding);
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => bundle.restore());
  stub.start();
  return { stub, bundle };
}

async function quit(stub: ElectronStub) {
  const quitting = new Promise((resolve) => stub.appEvents.once('quit', resolve));
  stub.appEvents.emit('will-quit', { preventDefault: () => {} });
  await quitting;
}

describe('the binding the built main bundle loads', () => {
  it('packaged: asks for the Electron build under app.asar.unpacked', async () => {
    const resources = mkdtempSync(join(tmpdir(), 'outpost-resources-'));
    const before = processWithResources.resourcesPath;
    processWithResources.resourcesPath = resources;
    cleanups.push(() => {
      processWithResources.resourcesPath = before;
      rmSync(resources, { recursive: true, force: true });
    });

    const { stub, bundle } = start({ isPackaged: true, appPath: join(resources, 'app.asar') });
    await until(() => stub.windows.length > 0);
    await quit(stub);

    expect(new Set(bundle.askedBindings)).toEqual(
      new Set([
        join(
          resources,
          'app.asar.unpacked',
          'node_modules',
          '.outpost-electron',
          'better_sqlite3.node',
        ),
      ]),
    );
    expect(stub.errorBoxes).toEqual([]);
  });

  it('a binding that does not open gives a native error dialog with the sentence and the fix, and the app stops', async () => {
    const { stub, bundle } = start({ isPackaged: false, appPath: root }, () => {
      throw new Error(ABI_MISMATCH);
    });
    await until(() => stub.exitCode() !== undefined);

    expect(bundle.askedBindings).toEqual([devBindingPath]);
    expect(stub.errorBoxes).toEqual([
      {
        title: 'Outpost cannot open its database',
        content: `${bindingFailureMessage(false, devBindingPath)}\n\n${ABI_MISMATCH}`,
      },
    ]);
    expect(stub.errorBoxes[0]?.content).toContain('run `npm start` again with internet access');
    expect(stub.exitCode()).toBe(1);
    // Nothing else started: no window, no IPC.
    expect(stub.windows).toEqual([]);
    expect(stub.handlers.size).toBe(0);
  });
});
