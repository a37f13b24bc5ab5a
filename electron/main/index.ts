import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { CoreContext, createDispatcher, createHandlers } from '../core';
import { KeyringCredentialStore } from '../core/vault/credential-store';
import { MemoryVault } from '../core/vault/memory-vault';
import { VaultService } from '../core/vault/vault-service';
import { registerAppScheme, serveAppScheme } from './app-scheme';
import { bindingOpens } from './binding-check';
import { startEmbeddedSandbox } from './embedded-sandbox';
import { forwardEvents } from './events';
import { registerIpc } from './ipc';
import { startLogging } from './logging';
import { nativeBindingPath } from './native-binding';
import { watchNetwork } from './network';
import { openProfile } from './open-profile';
import { guardQuit } from './quit-guard';
import { secretStorageStatus } from './secret-storage';
import { hardenSession, installSecurity } from './security';
import { startShellUi } from './shell-ui';
import { createMainWindow, showMainWindow } from './window';

// The shell stays thin: everything testable lives in electron/core.

// One instance per profile: a second launch hands over to the first (second-instance) and quits.
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();

installSecurity();
// Before ready, as Electron requires: the page's own scheme, with V8's code cache (app-scheme.ts).
registerAppScheme(protocol);

app.whenReady().then(async () => {
  if (!primary) return;
  const nativeBinding = nativeBindingPath(app);
  hardenSession(session.defaultSession);
  // Under `npm start` the page comes from electron-vite's dev server instead.
  if (!process.env.ELECTRON_RENDERER_URL) serveAppScheme(protocol, join(__dirname, '../renderer'));
  if (!bindingOpens({ app, dialog }, nativeBinding)) return;
  const dataDir = process.env.OUTPOST_DATA_DIR ?? app.getPath('userData');
  const logFolder = startLogging(dataDir);
  const memory = new MemoryVault();
  const core = new CoreContext({
    dataDir,
    version: app.getVersion(),
    nativeBinding,
    vault: memory,
    vaults: new VaultService({ dataDir, credentials: new KeyringCredentialStore() }),
    shell: {
      logFolder: () => logFolder,
      revealLogs: () => {
        void shell.openPath(logFolder);
        return true;
      },
      secretStorage: () => secretStorageStatus(safeStorage, process.platform),
    },
  });
  if (!(await openProfile(core))) return app.quit();
  const sandbox = await startEmbeddedSandbox(core, memory);
  registerIpc(ipcMain, createDispatcher(createHandlers(core)));
  core.startBackground();
  const unwatch = watchNetwork(core.outbox);
  const stopEvents = forwardEvents(core.events.bus, () => BrowserWindow.getAllWindows());
  createMainWindow();
  const firstWindow = () => BrowserWindow.getAllWindows()[0];
  const ui = startShellUi({ core, logFolder, window: firstWindow, showWindow: showMainWindow });
  const unguard = guardQuit({
    inFlight: () => core.outbox.inFlight(),
    labels: ui.labels,
    window: firstWindow,
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.on('will-quit', (event) => {
    // Let in-flight sends settle (they are safe either way) and close the database cleanly.
    event.preventDefault();
    unwatch();
    stopEvents();
    ui.stop();
    unguard();
    app.removeAllListeners('will-quit');
    void Promise.allSettled([core.close(), sandbox?.close()]).finally(() => app.quit());
  });
});

app.on('second-instance', () => {
  if (app.isReady()) showMainWindow();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
