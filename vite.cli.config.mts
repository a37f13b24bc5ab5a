import { utimesSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

// The `outpost` command line as plain Node CommonJS: out/cli/outpost.cjs plus the
// chunks it loads on demand (out/cli/chunks/). Every npm package is bundled in
// except better-sqlite3, whose native addon must be loaded from node_modules.
// `npm run build` runs this after electron-vite; scripts/outpost.cjs runs it
// (into a fresh folder) when the sources are newer than the bundle.

const ROOT = import.meta.dirname;
const CLI_ENTRY = 'outpost';
const CLI_ENTRY_FILE = `${CLI_ENTRY}.cjs`;
/** The CSV check's worker thread, started by electron/core/bulk/pool/check-pool.ts from beside the bundle. */
const CHECK_WORKER_ENTRY = 'bulk-check-worker';
/** When Vite loaded this file: the build reads every source after this moment. */
const BUILD_STARTED = Date.now();
/** File times come from the kernel's coarse clock, which may lag Date.now() by a tick. */
const CLOCK_SLACK_MS = 50;

/** Native addons, and tinypool (its workers start from its own files), stay in node_modules. */
const EXTERNAL = ['better-sqlite3', '@napi-rs/keyring', 'tinypool'];

const nodeModule = (...names: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](${names.join('|')})[\\\\/]`);

const HEAVY_CHUNKS = [
  { name: 'http-client', test: nodeModule('undici') },
  { name: 'phone-metadata', test: nodeModule('libphonenumber-js') },
  {
    name: 'holidays',
    test: nodeModule(
      'date-holidays',
      'date-holidays-parser',
      'moment',
      'moment-timezone',
      'astronomia',
      'date-chinese',
      'date-easter',
      'date-bengali-revised',
      'caldate',
    ),
  },
  { name: 'csv', test: nodeModule('papaparse', 'iconv-lite', 'safer-buffer') },
  { name: 'schemas', test: nodeModule('zod') },
];

/**
 * Dates the entry file to the start of the build, so that a source saved while
 * the build ran still reads as newer than the bundle (scripts/cli-bundle.cjs
 * compares the two) and the next run rebuilds.
 */
function stampBuildStart(): Plugin {
  let outDir = '';
  return {
    name: 'outpost-cli-stamp',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const stamp = new Date(BUILD_STARTED - CLOCK_SLACK_MS);
      utimesSync(resolve(outDir, CLI_ENTRY_FILE), stamp, stamp);
    },
  };
}

export default defineConfig({
  root: ROOT,
  publicDir: false,
  logLevel: 'warn',
  plugins: [stampBuildStart()],
  ssr: { target: 'node', noExternal: true, external: EXTERNAL },
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    // Readable stack traces in bug reports matter more than the few kB minifying saves.
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    copyPublicDir: false,
    rolldownOptions: {
      external: EXTERNAL,
      input: {
        [CLI_ENTRY]: resolve(ROOT, 'electron/cli/index.ts'),
        [CHECK_WORKER_ENTRY]: resolve(ROOT, 'electron/core/bulk/pool/check-worker.ts'),
      },
      output: {
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: 'chunks/[name]-[hash].cjs',
        // The heavy npm packages get chunks of their own, named for what they hold;
        // test/integration/cli/start-up.test.ts checks what each command loads.
        codeSplitting: { groups: HEAVY_CHUNKS },
      },
    },
  },
});
