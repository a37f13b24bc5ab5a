import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { RENDERER_CONTENT_TYPES as TYPES } from '../core/files/content-types';

export const BRIDGE_SCRIPT_PATH = '/__bridge/bridge.js';

/**
 * The build's assets carry a content hash in their names, so a second start of
 * the same profile may keep them: as an installed app's files are already on
 * its disk, the page then loads them from the browser's cache without asking.
 * The page and the bridge have fixed names and are asked for each time.
 */
const HASHED = /^\/assets\/[^/]+-[\w-]{8}\.(?:js|css)$/;
const KEPT = 'public, max-age=31536000, immutable';
const ASKED = 'no-cache';

type Answer = [status: number, type: string, body: string | Buffer, cache?: string];

function send(res: ServerResponse, [status, type, body, cache]: Answer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': cache ?? 'no-store' });
  res.end(body);
}

/**
 * The page with the bridge as a classic script at the end of the body. The
 * app's scripts are module scripts, which run only once the page is parsed,
 * so `window.outpost` exists first, as with the preload; and by then the
 * parser has read the head, so the start chunks are already being fetched
 * while the bridge opens its socket: Electron's preload holds up neither.
 */
function pageWithBridge(rendererDir: string): string {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const tag = `<script src="${BRIDGE_SCRIPT_PATH}"></script>\n  `;
  const end = html.lastIndexOf('</body>');
  return end < 0 ? `${html}\n${tag}` : `${html.slice(0, end)}${tag}${html.slice(end)}`;
}

/**
 * Serves the built renderer. Each hashed asset is read once, at its first
 * request, and kept: Electron reads them from disk, where the OS keeps them
 * cached, so a start should not wait on this server's disk reads.
 * The renderer's files are public code: the lock is on the WebSocket.
 */
export function staticFiles(rendererDir: string, bridgeScript: string) {
  const page = pageWithBridge(rendererDir);
  const kept = new Map<string, Answer>();
  const readAsset = (path: string): Answer => {
    let file: string;
    try {
      file = normalize(join(rendererDir, decodeURIComponent(path)));
    } catch {
      return [400, 'text/plain', 'bad path'];
    }
    if (!file.startsWith(rendererDir + sep)) return [403, 'text/plain', 'forbidden'];
    try {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      return [200, type, readFileSync(file), HASHED.test(path) ? KEPT : ASKED];
    } catch {
      return [404, 'text/plain', 'not found'];
    }
  };
  const answer = (path: string): Answer => {
    if (path === '/' || path === '/index.html') return [200, TYPES['.html'] ?? '', page, ASKED];
    if (path === BRIDGE_SCRIPT_PATH) return [200, TYPES['.js'] ?? '', bridgeScript, ASKED];
    const known = kept.get(path);
    if (known) return known;
    const read = readAsset(path);
    // Only a hashed name always holds the same bytes; any other file is read again.
    if (read[0] === 200 && read[3] === KEPT) kept.set(path, read);
    return read;
  };
  return (req: IncomingMessage, res: ServerResponse, path: string): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      send(res, [405, 'text/plain', 'not allowed']);
    else send(res, answer(path));
  };
}
