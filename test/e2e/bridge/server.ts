import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { WebSocketServer } from 'ws';
import { CoreContext, createDispatcher, createHandlers } from '../../../electron/core';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { startEmbeddedSandbox } from '../../../electron/main/embedded-sandbox';

/**
 * The e2e suite's stand-in for Electron: serves the BUILT renderer on
 * 127.0.0.1, injects the bridge script in place of the preload, and answers
 * the bridge's calls with the app's real handler table over a WebSocket.
 */
const root = resolve(__dirname, '..', '..', '..');
const rendererDir = join(root, 'out', 'renderer');
const { values } = parseArgs({ options: { port: { type: 'string', default: '4517' } } });
const port = Number(values.port);

const dataDir = process.env.OUTPOST_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'outpost-e2e-'));
const version = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;
const memory = new MemoryVault();
// The bridge has no OS keychain: secrets of accounts added in the UI stay in memory.
const core = new CoreContext({ dataDir, version, vault: memory, secretStore: memory });
const dispatch = createDispatcher(createHandlers(core));

async function buildBridgeScript(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'outpost-bridge-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: join(__dirname, 'page', 'client.ts'),
        formats: ['iife'],
        name: 'OutpostBridge',
        fileName: () => 'bridge.js',
      },
    },
  });
  return readFileSync(join(outDir, 'bridge.js'), 'utf8');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function serveRenderer(bridge: string) {
  // A classic script runs before the app's deferred module script, like a preload.
  const page = readFileSync(join(rendererDir, 'index.html'), 'utf8').replace(
    '<script',
    '<script src="/__bridge/bridge.js"></script>\n    <script',
  );
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (path === '/' || path === '/index.html') return send(200, TYPES['.html'] ?? '', page);
    if (path === '/__bridge/bridge.js') return send(200, TYPES['.js'] ?? '', bridge);
    const file = normalize(join(rendererDir, path));
    if (!file.startsWith(rendererDir)) return send(403, 'text/plain', 'forbidden');
    try {
      return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    } catch {
      return send(404, 'text/plain', 'not found');
    }
  };
}

async function main() {
  // As the Electron shell does: the embedded Sandbox account, and the outbox running.
  const sandbox = await startEmbeddedSandbox(core, memory);
  core.startBackground();
  const server = createServer(serveRenderer(await buildBridgeScript()));
  const sockets = new WebSocketServer({ server, path: '/__bridge/ws' });
  sockets.on('connection', (socket) => {
    // The core's events go to every open page, like Electron's forwarding to the app window.
    const unsubscribe = core.events.bus.subscribe((name, payload) => {
      socket.send(JSON.stringify({ event: { name, payload } }));
    });
    socket.on('close', unsubscribe);
    socket.on('message', async (data) => {
      const { id, channel, request } = JSON.parse(String(data)) as {
        id: number;
        channel: string;
        request: unknown;
      };
      socket.send(JSON.stringify({ id, result: await dispatch(channel, request) }));
    });
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`bridge: http://127.0.0.1:${port}/ (data ${dataDir})`);
  });
  const stop = () => {
    sockets.close();
    server.close();
    void Promise.allSettled([core.close(), sandbox?.close()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
