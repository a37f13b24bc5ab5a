import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CoreContext, createDispatcher, createHandlers, defaultDataDir } from '../core';
import { startEmbeddedSandbox } from '../core/accounts/embedded-sandbox';
import { KeyringCredentialStore } from '../core/vault/credential-store';
import { MemoryVault } from '../core/vault/memory-vault';
import { VaultService } from '../core/vault/vault-service';
import { EMBEDDED_SANDBOX_OPTIONS, startSandbox } from '../sandbox';
import { buildBridgeScript } from './bridge-script';
import { ensureRendererBuilt } from './renderer-build';
import { startWebServer } from './server';
import { sandboxTestHooks } from './test-hooks';
import { TestSimulators } from './test-simulators';

/**
 * `npm run web [-- --port P] [--data-dir DIR] [--build] [--url-file FILE] [--renderer DIR] [--bridge FILE]`:
 * the app's renderer in a browser, against the real core and the embedded
 * Sandbox, on 127.0.0.1. Prints one line: the address to open (with its token).
 */
const USAGE =
  'Usage: npm run web -- [--port P] [--data-dir DIR] [--build] [--url-file FILE]\n' +
  '  --port P         port on 127.0.0.1 (default 4517; 0 picks a free one)\n' +
  '  --data-dir DIR   profile folder (default OUTPOST_DATA_DIR, else the app’s own)\n' +
  '  --build          build the renderer even if out/renderer exists\n' +
  '  --url-file FILE  also write the address to FILE (the e2e suite reads it)\n' +
  '  --renderer DIR   serve this built renderer instead of out/renderer (benchmarks compare two builds)\n' +
  '  --bridge FILE    serve this built page bridge instead of building page/client.ts (benchmarks)';

const root = resolve(__dirname, '..', '..');

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4517' },
      'data-dir': { type: 'string' },
      build: { type: 'boolean', default: false },
      'url-file': { type: 'string' },
      renderer: { type: 'string' },
      bridge: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  return {
    port,
    dataDir: values['data-dir'] ?? defaultDataDir(),
    build: values.build,
    urlFile: values['url-file'],
    renderer: values.renderer,
    bridge: values.bridge,
  };
}

async function main(): Promise<void> {
  const o = options();
  const rendererDir = o.renderer ? resolve(o.renderer) : ensureRendererBuilt(root, o.build);
  const version = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const memory = new MemoryVault();
  // Secrets of accounts added in the browser stay in memory for this run; those added by the
  // app or the CLI are read from the vault they share (OS credential store or passphrase file).
  const vaults = new VaultService({
    dataDir: o.dataDir,
    credentials: new KeyringCredentialStore(),
  });
  const core = new CoreContext({
    dataDir: o.dataDir,
    version,
    vault: memory,
    secretStore: memory,
    vaults,
  });
  // As the app does: a staged restore applied, the profile checked, the daily backup made.
  for (const notice of await core.open()) console.error(`Outpost: ${notice}`);
  const sandbox = await startEmbeddedSandbox(core, memory, () =>
    startSandbox(EMBEDDED_SANDBOX_OPTIONS),
  );
  core.startBackground();
  const simulators = new TestSimulators();
  const server = await startWebServer({
    dispatch: createDispatcher(createHandlers(core)),
    bus: core.events.bus,
    rendererDir,
    bridgeScript: o.bridge ? readFileSync(resolve(o.bridge), 'utf8') : await buildBridgeScript(),
    port: o.port,
    ...(sandbox ? { setSandboxFaults: (spec: string) => sandbox.setFaults(spec || null) } : {}),
    ...(process.env.OUTPOST_WEB_TEST_HOOKS === '1' && sandbox
      ? { testHooks: sandboxTestHooks(core, sandbox, simulators) }
      : {}),
  });
  if (o.urlFile) {
    mkdirSync(dirname(o.urlFile), { recursive: true });
    writeFileSync(o.urlFile, `${server.url}\n`, { mode: 0o600 });
  }
  console.log(`Outpost: ${server.url}  (profile ${o.dataDir})`);

  const stop = () => {
    void Promise.allSettled([
      server.close(),
      core.close(),
      sandbox?.close(),
      simulators.closeAll(),
    ]).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
