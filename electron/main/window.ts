import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_PAGE } from './app-scheme';
import { loadWindowBounds, saveWindowBounds } from './preferences';

export function createMainWindow(): BrowserWindow {
  const bounds = loadWindowBounds();
  const window = new BrowserWindow({
    ...(bounds.x === undefined || bounds.y === undefined ? {} : { x: bounds.x, y: bounds.y }),
    width: bounds.width,
    height: bounds.height,
    minWidth: 800,
    minHeight: 560,
    title: 'Outpost',
    show: false,
    // Written out in full (no spread) so Electronegativity can read every value.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Middle-click would open links outside setWindowOpenHandler's reach on old versions.
      disableBlinkFeatures: 'Auxclick',
      // Electronegativity asks for a review of any preload: ours only exposes the typed contract through contextBridge.
      preload: join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK
    },
  });
  window.once('ready-to-show', () => {
    if (bounds.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    saveWindowBounds({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });

  // Navigation, new windows and webviews are refused for every web contents (security.ts).

  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) void window.loadURL(devServer);
  else void window.loadURL(APP_PAGE);
  return window;
}

/** The app's window, shown and focused (created again if it was closed): the tray, a notification, a second launch. */
export function showMainWindow(): BrowserWindow {
  const window = BrowserWindow.getAllWindows().find((w) => !w.isDestroyed()) ?? createMainWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return window;
}
