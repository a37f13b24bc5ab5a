import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Protocol } from 'electron';
import { RENDERER_CONTENT_TYPES as TYPES } from '../core/files/content-types';

/*
 * The built renderer is served from outpost://app/ rather than file://.
 * Chromium keeps V8's compiled code only for http(s) and for schemes
 * registered with the codeCache privilege (Electron 28+): from file:// every
 * start compiles React DOM and React Aria again (~270 ms of the ~590 ms to
 * interactive measured in Chromium), from a code-cached scheme only the first
 * start does (bench/RESULTS.md, `r7-hst`: warm start ~170 ms).
 */
export const APP_SCHEME = 'outpost';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_PAGE = `${APP_ORIGIN}/index.html`;

/**
 * Must run before the app is ready. Standard (relative URLs, an origin for
 * 'self' in the page's CSP and for its storage), secure (as https), and
 * code-cached; no CSP bypass, no service workers.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** The file of the renderer's folder a URL names, or null: another host, or a path that leaves the folder. */
export function rendererFileOf(rendererDir: string, url: string): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'app') return null;
  const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
  return file.startsWith(rendererDir + sep) ? file : null;
}

/** One request of the page: the file with its type (module scripts need a JavaScript type), or 404. */
export async function answerAppRequest(rendererDir: string, url: string): Promise<Response> {
  const file = rendererFileOf(rendererDir, url);
  if (!file) return new Response('not found', { status: 404 });
  try {
    const body = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    return new Response(body, { headers: { 'content-type': type } });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

/** After ready: answers outpost://app/… from the built renderer's folder. */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  const dir = normalize(rendererDir);
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(dir, request.url));
}
