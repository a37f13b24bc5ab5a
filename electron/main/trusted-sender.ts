import { APP_PAGE } from './app-scheme';

/**
 * IPC is answered only for our own page: the built renderer (outpost://app/), or the dev
 * server electron-vite started. Anything else (a frame that navigated, an
 * injected iframe) gets a "forbidden" answer.
 */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  if (!url) return false;
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) {
    try {
      return new URL(url).origin === new URL(devServer).origin;
    } catch {
      return false;
    }
  }
  return url.split('#')[0] === APP_PAGE;
}
