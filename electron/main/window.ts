import { join } from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { loadWindowBounds, saveWindowBounds } from './preferences';

/** Exported so the smoke test can check the window is created with them. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
} as const;

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

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
    webPreferences: { ...secureWebPreferences, preload: join(__dirname, '../preload/index.js') },
  });
  window.once('ready-to-show', () => {
    if (bounds.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    saveWindowBounds({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });

  // New windows are never opened; an https link the person clicked goes to their browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isHttps(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // The app is a single page: any navigation away from it is refused.
  window.webContents.on('will-navigate', (event) => event.preventDefault());

  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(join(__dirname, '../renderer/index.html'));
  return window;
}
