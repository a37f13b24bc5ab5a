import { EventEmitter } from 'node:events';

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
}

export interface ElectronStub {
  /** Stands in for require('electron'). */
  module: Record<string, unknown>;
  handlers: Map<string, (event: unknown, payload: unknown) => unknown>;
  windows: StubWindow[];
  /** URLs passed to shell.openExternal. */
  opened: string[];
  /** Options of every dialog.showMessageBox (the damaged-database and notice dialogs). */
  dialogs: unknown[];
  appEvents: EventEmitter;
  /** Resolves app.whenReady(). */
  start: () => void;
}

export function createElectronStub(userData: string): ElectronStub {
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const windows: StubWindow[] = [];
  const opened: string[] = [];
  const dialogs: unknown[] = [];
  const appEvents = new EventEmitter();
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => windows;
    readonly record: StubWindow;
    readonly webContents: EventEmitter & {
      setWindowOpenHandler: (h: StubWindow['windowOpenHandler']) => void;
    };
    constructor(options: StubWindow['options']) {
      super();
      const contents = Object.assign(new EventEmitter(), {
        setWindowOpenHandler: (h: StubWindow['windowOpenHandler']) => {
          this.record.windowOpenHandler = h;
        },
      });
      this.webContents = contents;
      this.record = { options, loaded: [], contents };
      windows.push(this.record);
    }
    loadFile(file: string) {
      this.record.loaded.push(file);
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
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
      isPackaged: false,
      whenReady: () => ready,
      getPath: (name: string) => (name === 'userData' ? userData : `${userData}/${name}`),
      getVersion: () => '0.0.0-smoke',
      getName: () => 'Outpost',
      requestSingleInstanceLock: () => true,
      quit: () => {
        appEvents.emit('quit');
      },
    }),
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
    dialog: {
      // Answered with the cancel choice ("Quit" in a damage dialog), recorded for assertions.
      showMessageBox: (options: { cancelId?: number }) => {
        dialogs.push(options);
        return Promise.resolve({ response: options.cancelId ?? 0 });
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

  return { module, handlers, windows, opened, dialogs, appEvents, start: resolveReady };
}
