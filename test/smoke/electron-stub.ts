import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

/**
 * A stand-in for the `electron` module, just large enough for the main bundle
 * to start: it records what the bundle registers and creates so the smoke test
 * can inspect it. No Electron binary is involved.
 */
export interface StubWindow {
  options: { webPreferences?: Record<string, unknown> };
  loaded: string[];
  windowOpenHandler?: (details: { url: string }) => { action: string };
  contents: EventEmitter;
  /** What the main process sent to this window's page (webContents.send). */
  sent: { channel: string; message: unknown }[];
}

export interface ErrorBox {
  title: string;
  content: string;
}

export interface StubOptions {
  /** app.isPackaged: false is `npm start` (development). */
  isPackaged?: boolean;
  /** app.getAppPath(): the checkout in development. */
  appPath?: string;
}

export interface ElectronStub {
  /** Stands in for require('electron'). */
  module: Record<string, unknown>;
  handlers: Map<string, (event: unknown, payload: unknown) => unknown>;
  windows: StubWindow[];
  /** URLs passed to shell.openExternal. */
  opened: string[];
  appEvents: EventEmitter;
  /** dialog.showErrorBox calls, in order. */
  errorBoxes: ErrorBox[];
  /** The code passed to app.exit, if it was called. */
  exitCode: () => number | undefined;
  /** Resolves app.whenReady(). */
  start: () => void;
}

export function createElectronStub(userData: string, options: StubOptions = {}): ElectronStub {
  const errorBoxes: ErrorBox[] = [];
  let exitCode: number | undefined;
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const windows: StubWindow[] = [];
  const opened: string[] = [];
  const appEvents = new EventEmitter();
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  class BrowserWindow extends EventEmitter {
    static readonly all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    readonly record: StubWindow;
    readonly webContents: EventEmitter & {
      setWindowOpenHandler: (h: StubWindow['windowOpenHandler']) => void;
      send: (channel: string, message: unknown) => void;
      getURL: () => string;
      isDestroyed: () => boolean;
    };
    private url = '';
    constructor(options: StubWindow['options']) {
      super();
      const contents = Object.assign(new EventEmitter(), {
        setWindowOpenHandler: (h: StubWindow['windowOpenHandler']) => {
          this.record.windowOpenHandler = h;
        },
        send: (channel: string, message: unknown) => {
          this.record.sent.push({ channel, message });
        },
        getURL: () => this.url,
        isDestroyed: () => false,
      });
      this.webContents = contents;
      this.record = { options, loaded: [], contents, sent: [] };
      windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    loadFile(file: string) {
      this.record.loaded.push(file);
      this.url = pathToFileURL(file).href;
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      this.url = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
  }

  const module = {
    app: Object.assign(appEvents, {
      isPackaged: options.isPackaged ?? false,
      getAppPath: () => options.appPath ?? process.cwd(),
      whenReady: () => ready,
      getPath: (name: string) => (name === 'userData' ? userData : `${userData}/${name}`),
      getVersion: () => '0.0.0-smoke',
      getName: () => 'Outpost',
      requestSingleInstanceLock: () => true,
      quit: () => {
        appEvents.emit('quit');
      },
      exit: (code = 0) => {
        exitCode = code;
        appEvents.emit('quit');
      },
    }),
    dialog: {
      showErrorBox: (title: string, content: string) => {
        errorBoxes.push({ title, content });
      },
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) => {
        if (handlers.has(channel)) throw new Error(`Channel ${channel} registered twice.`);
        handlers.set(channel, handler);
      },
      on: () => {},
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    shell: {
      openExternal: (url: string) => {
        opened.push(url);
        return Promise.resolve();
      },
    },
    contextBridge: { exposeInMainWorld: () => {} },
    net: { isOnline: () => true },
    powerMonitor: new EventEmitter(),
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => {
        throw new Error('no keychain in the smoke test');
      },
      decryptString: () => {
        throw new Error('no keychain in the smoke test');
      },
    },
    ipcRenderer: { invoke: () => Promise.reject(new Error('not in the main process')) },
  };

  return {
    module,
    handlers,
    windows,
    opened,
    appEvents,
    errorBoxes,
    exitCode: () => exitCode,
    start: resolveReady,
  };
}
