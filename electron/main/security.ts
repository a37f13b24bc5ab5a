import { app, type Session, shell, type WebContents } from 'electron';
import { APP_SCHEME } from './app-scheme';
import { isTrustedSenderUrl } from './trusted-sender';

/** Only https links, opened in the person's browser, and only from a link they clicked. */
export function externalLinkAllowed(url: string, disposition: string): boolean {
  // window.open() from script arrives as 'new-window'; a clicked target=_blank link as a tab.
  if (disposition === 'new-window' || disposition === 'other') return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Requests the app's own page may make: its files, and the dev server under `npm start`. */
export function requestAllowed(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const own = [`${APP_SCHEME}:`, 'file:', 'data:', 'blob:', 'devtools:', 'chrome-extension:'];
  if (own.includes(parsed.protocol)) {
    return true;
  }
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (!devServer) return false;
  try {
    const dev = new URL(devServer);
    // Vite's hot reload talks over ws:// to the same host and port.
    return parsed.host === dev.host;
  } catch {
    return false;
  }
}

/** Every web contents: no navigation, no new windows, no <webview>. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url, disposition }) => {
    if (externalLinkAllowed(url, disposition) && isTrustedSenderUrl(contents.getURL())) {
      // Checked: only https, only a clicked link of our own page (externalLinkAllowed above).
      void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    }
    return { action: 'deny' };
  });
}

/** The session: every permission refused (camera, notifications, geolocation…), no remote content. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !requestAllowed(details.url) });
  });
}

/** Installed before any window exists, so no contents escapes it. */
export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}
