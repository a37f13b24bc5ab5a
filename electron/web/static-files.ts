import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const BRIDGE_SCRIPT_PATH = '/__bridge/bridge.js';

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * Serves the built renderer, with the bridge script injected before the
 * app's module script so `window.outpost` exists first, as with the preload.
 * The renderer's files are public code: the lock is on the WebSocket.
 */
export function staticFiles(rendererDir: string, bridgeScript: string) {
  const page = readFileSync(join(rendererDir, 'index.html'), 'utf8').replace(
    '<script',
    `<script src="${BRIDGE_SCRIPT_PATH}"></script>\n    <script`,
  );
  const answer = (path: string): [number, string, string | Buffer] => {
    if (path === '/' || path === '/index.html') return [200, TYPES['.html'] ?? '', page];
    if (path === BRIDGE_SCRIPT_PATH) return [200, TYPES['.js'] ?? '', bridgeScript];
    let file: string;
    try {
      file = normalize(join(rendererDir, decodeURIComponent(path)));
    } catch {
      return [400, 'text/plain', 'bad path'];
    }
    if (!file.startsWith(rendererDir + sep)) return [403, 'text/plain', 'forbidden'];
    try {
      return [200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file)];
    } catch {
      return [404, 'text/plain', 'not found'];
    }
  };
  return (req: IncomingMessage, res: ServerResponse, path: string): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') send(res, 405, 'text/plain', 'not allowed');
    else send(res, ...answer(path));
  };
}
