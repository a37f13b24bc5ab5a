import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { CoreContext, createDispatcher, createHandlers } from '../core';
import { ChainVault, EnvVault } from '../core/vault/env-vault';
import { MemoryVault } from '../core/vault/memory-vault';
import { bindingOpens } from './binding-check';
import { startEmbeddedSandbox } from './embedded-sandbox';
import { forwardEvents } from './events';
import { registerIpc } from './ipc';
import { nativeBindingPath } from './native-binding';
import { watchNetwork } from './network';
import { SafeStorageVault } from './safe-storage-vault';
import { createMainWindow } from './window';

// The shell stays thin: everything testable lives in electron/core.

if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(async () => {
  const nativeBinding = nativeBindingPath(app);
  if (!bindingOpens({ app, dialog }, nativeBinding)) return;
  const dataDir = process.env.OUTPOST_DATA_DIR ?? app.getPath('userData');
  const memory = new MemoryVault();
  const core = new CoreContext({
    dataDir,
    version: app.getVersion(),
    nativeBinding,
    vault: new ChainVault([
      memory,
      new SafeStorageVault(join(dataDir, 'vault.json')),
      new EnvVault(),
    ]),
  });
  const sandbox = await startEmbeddedSandbox(core, memory);
  registerIpc(ipcMain, createDispatcher(createHandlers(core)));
  core.startBackground();
  const unwatch = watchNetwork(core.outbox);
  const stopEvents = forwardEvents(core.events.bus, () => BrowserWindow.getAllWindows());
  createMainWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.on('will-quit', (event) => {
    // Let in-flight sends settle (they are safe either way) and close the database cleanly.
    event.preventDefault();
    unwatch();
    stopEvents();
    app.removeAllListeners('will-quit');
    void Promise.allSettled([core.close(), sandbox?.close()]).finally(() => app.quit());
  });
});

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
