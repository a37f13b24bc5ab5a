import { app, BrowserWindow, ipcMain } from 'electron';
import { CoreContext, createDispatcher, createHandlers } from '../core';
import { registerIpc } from './ipc';
import { nativeBindingPath } from './native-binding';
import { createMainWindow } from './window';

// The shell stays thin: everything testable lives in electron/core.

if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(() => {
  const core = new CoreContext({
    dataDir: process.env.OUTPOST_DATA_DIR ?? app.getPath('userData'),
    version: app.getVersion(),
    nativeBinding: nativeBindingPath(app.isPackaged),
  });
  registerIpc(ipcMain, createDispatcher(createHandlers(core)));
  createMainWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.on('will-quit', () => core.close());
});

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
