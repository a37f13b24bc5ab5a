import { utimesSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

// The `outpost` command line as plain Node CommonJS: out/cli/outpost.cjs plus the
// chunks it loads on demand (out/cli/chunks/). Every npm package is bundled in
// except better-sqlite3, whose native addon must be loaded from node_modules.
// `npm run build` runs this after electron-vite; scripts/outpost.cjs runs it
// (into a fresh folder) when the sources are newer than the bundle.

const ROOT = import.meta.dirname;
export const CLI_ENTRY_FILE = 'outpost.cjs';

/**
 * Dates the entry file to the moment the build started (less a second for the
 * file system's coarse clock), so a source saved during the build still reads
 * as newer than the bundle and the next run rebuilds.
 */
function stampBuildStart(): Plugin {
  let started = 0;
  let outDir = '';
  return {
    name: 'outpost-cli-stamp',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    buildStart() {
      started = Date.now();
    },
    writeBundle() {
      const stamp = new Date(started - 1000);
      utimesSync(resolve(outDir, CLI_ENTRY_FILE), stamp, stamp);
    },
  };
}

export default defineConfig({
  root: ROOT,
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  plugins: [stampBuildStart()],
  ssr: { target: 'node', noExternal: true, external: ['better-sqlite3'] },
  build: {
    ssr: resolve(ROOT, 'electron/cli/index.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    // Readable stack traces in bug reports matter more than the few kB minifying saves.
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    copyPublicDir: false,
    rolldownOptions: {
      external: ['better-sqlite3'],
      output: {
        format: 'cjs',
        entryFileNames: CLI_ENTRY_FILE,
        chunkFileNames: 'chunks/[name]-[hash].cjs',
      },
    },
  },
});
