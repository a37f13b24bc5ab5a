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
  windowOpenHandler?: (details: { url: string; disposition: string }) => { action: string };
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
  /** app.requestSingleInstanceLock(): false plays a second launch. */
  singleInstanceLock?: boolean;
  /** app.getLocale(). */
  locale?: string;
  /** safeStorage.getSelectedStorageBackend() (Linux). */
  storageBackend?: string;
}

export interface StubMenuItem {
  id?: string;
  label?: string;
  role?: string;
  accelerator?: string;
  enabled?: boolean;
  type?: string;
  click?: () => void;
  submenu?: StubMenuItem[];
}

export interface StubNotification {
  title: string;
  body: string;
  shown: boolean;
  click: () => void;
}

export interface StubSession {
  permissionRequest?: (
    contents: unknown,
    permission: string,
    callback: (ok: boolean) => void,
  ) => void;
  permissionCheck?: (contents: unknown, permission: string) => boolean;
  beforeRequest?: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
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
  /** dialog.showErrorBox calls, in order. */
  errorBoxes: ErrorBox[];
  /** The code passed to app.exit, if it was called. */
  exitCode: () => number | undefined;
  /** Resolves app.whenReady(). */
  start: () => void;
  /** The application menu last set (Menu.setApplicationMenu), as its template. */
  appMenu: () => StubMenuItem[];
  /** The tray's context menu last set and its tooltip. */
  tray: () => { menu: StubMenuItem[]; tooltip: string } | undefined;
  notifications: StubNotification[];
  session: StubSession;
  /** dialog.showMessageBox calls; answer them with `messageBoxAnswer`. */
  messageBoxes: { message: string; buttons: string[] }[];
  setMessageBoxAnswer: (response: number) => void;
  /** shell.openPath calls. */
  openedPaths: string[];
  /** Whether the window is focused (notifications are shown only when it is not). */
  setFocused: (focused: boolean) => void;
  setOnline: (online: boolean) => void;
  /** protocol.registerSchemesAsPrivileged calls, and whether the app was ready then. */
  privilegedSchemes: { schemes: unknown[]; afterReady: boolean }[];
  /** protocol.handle handlers, by scheme. */
  protocolHandlers: Map<string, (request: Request) => Promise<Response> | Response>;
}

export function createElectronStub(userData: string, options: StubOptions = {}): ElectronStub {
  const errorBoxes: ErrorBox[] = [];
  let exitCode: number | undefined;
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const windows: StubWindow[] = [];
  const opened: string[] = [];
  const dialogs: unknown[] = [];
  const appEvents = new EventEmitter();
  let appMenu: StubMenuItem[] = [];
  let tray: { menu: StubMenuItem[]; tooltip: string } | undefined;
  const notifications: StubNotification[] = [];
  const session: StubSession = {};
  const messageBoxes: { message: string; buttons: string[] }[] = [];
  let messageBoxAnswer: number | undefined;
  const openedPaths: string[] = [];
  let focused = false;
  let online = true;
  const privilegedSchemes: ElectronStub['privilegedSchemes'] = [];
  const protocolHandlers: ElectronStub['protocolHandlers'] = new Map();
  let isReady = false;
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = () => {
      isReady = true;
      resolve();
    };
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
      appEvents.emit('web-contents-created', {}, contents);
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
    isFocused() {
      return focused;
    }
    maximize() {}
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
      requestSingleInstanceLock: () => options.singleInstanceLock ?? true,
      getLocale: () => options.locale ?? 'en-US',
      isReady: () => true,
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
      // Answered with the test's choice (the cancel choice by default: "Quit" in a damage dialog), recorded for assertions.
      showMessageBox: (...args: unknown[]) => {
        const box = args[args.length - 1] as {
          message: string;
          buttons: string[];
          cancelId?: number;
        };
        dialogs.push(box);
        messageBoxes.push({ message: box.message, buttons: box.buttons });
        return Promise.resolve({ response: messageBoxAnswer ?? box.cancelId ?? 0 });
      },
    },
    Menu: {
      buildFromTemplate: (template: StubMenuItem[]) => ({ template }),
      setApplicationMenu: (menu: { template: StubMenuItem[] }) => {
        appMenu = menu.template;
      },
    },
    Tray: class {
      constructor() {
        tray = { menu: [], tooltip: '' };
      }
      setToolTip(text: string) {
        if (tray) tray.tooltip = text;
      }
      setContextMenu(menu: { template: StubMenuItem[] }) {
        if (tray) tray.menu = menu.template;
      }
      on() {}
      destroy() {}
    },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    Notification: class extends EventEmitter {
      static isSupported = () => true;
      readonly record: StubNotification;
      constructor(options: { title: string; body: string }) {
        super();
        this.record = { ...options, shown: false, click: () => this.emit('click') };
        notifications.push(this.record);
      }
      show() {
        this.record.shown = true;
      }
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: StubSession['permissionRequest']) => {
          session.permissionRequest = h;
        },
        setPermissionCheckHandler: (h: StubSession['permissionCheck']) => {
          session.permissionCheck = h;
        },
        webRequest: {
          onBeforeRequest: (h: StubSession['beforeRequest']) => {
            session.beforeRequest = h;
          },
        },
      },
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) => {
        if (handlers.has(channel)) throw new Error(`Channel ${channel} registered twice.`);
        handlers.set(channel, handler);
      },
      on: () => {},
      removeAllListeners: () => {},
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    shell: {
      openExternal: (url: string) => {
        opened.push(url);
        return Promise.resolve();
      },
      openPath: (path: string) => {
        openedPaths.push(path);
        return Promise.resolve('');
      },
    },
    contextBridge: { exposeInMainWorld: () => {} },
    net: { isOnline: () => online },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        privilegedSchemes.push({ schemes, afterReady: isReady });
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
        protocolHandlers.set(scheme, handler);
      },
    },
    powerMonitor: new EventEmitter(),
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => options.storageBackend ?? 'basic_text',
      encryptString: () => {
        throw new Error('no keychain in the smoke test');
      },
      decryptString: () => {
        throw new Error('no keychain in the smoke test');
      },
    },
    // No ipcRenderer: the real module has none in the main process (electron-log checks for it).
  };

  return {
    module,
    handlers,
    windows,
    opened,
    dialogs,
    appEvents,
    errorBoxes,
    exitCode: () => exitCode,
    start: () => resolveReady(),
    privilegedSchemes,
    protocolHandlers,
    appMenu: () => appMenu,
    tray: () => tray,
    notifications,
    session,
    messageBoxes,
    setMessageBoxAnswer: (response) => {
      messageBoxAnswer = response;
    },
    openedPaths,
    setFocused: (value) => {
      focused = value;
    },
    setOnline: (value) => {
      online = value;
    },
  };
}
