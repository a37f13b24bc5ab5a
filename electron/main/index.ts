import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { CoreContext, createDispatcher, createHandlers } from '../core';
import { KeyringCredentialStore } from '../core/vault/credential-store';
import { MemoryVault } from '../core/vault/memory-vault';
import { VaultService } from '../core/vault/vault-service';
import { bindingOpens } from './binding-check';
import { startEmbeddedSandbox } from './embedded-sandbox';
import { forwardEvents } from './events';
import { registerIpc } from './ipc';
import { nativeBindingPath } from './native-binding';
import { watchNetwork } from './network';
import { openProfile } from './open-profile';
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
    vault: memory,
    vaults: new VaultService({ dataDir, credentials: new KeyringCredentialStore() }),
  });
  if (!(await openProfile(core))) return app.quit();
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
