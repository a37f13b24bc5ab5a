import { resolve } from 'node:path';
import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { startBundleReportPlugin } from './scripts/bundle-report/start-bundle-plugin';
import { compileHintPlugin } from './scripts/renderer-build/compile-hint';
import {
  FIRST_ANSWERS_CHUNK,
  firstAnswersScriptPlugin,
} from './scripts/renderer-build/first-answers-script';

// The project keeps its own layout (electron/main, electron/preload, renderer/)
// instead of electron-vite's src/ convention, so every entry is named here.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // electron-store is ESM-only; bundling it avoids require(esm) in the CJS main bundle.
      externalizeDeps: { exclude: ['electron-store', 'conf'] },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The CSV check's worker thread, started from beside the bundle (electron/core/bulk/pool/check-pool.ts).
          'bulk-check-worker': resolve(__dirname, 'electron/core/bulk/pool/check-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be ESM and cannot require npm packages: bundle everything as CJS.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [
      // React Aria ships its built-in strings in 34 languages; the app speaks English and
      // Spanish (renderer/src/i18n/languages.ts), so the other 32 never reach the bundle.
      optimizeLocales.vite({ locales: ['en', 'es'] }),
      react(),
      startBundleReportPlugin(__dirname),
      compileHintPlugin(),
      firstAnswersScriptPlugin(),
    ],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; minified, the start bundle is half the
      // bytes to read, parse and compile before the first view (bench/RESULTS.md, renderer-start).
      minify: true,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        output: {
          // Everything the first view imports statically is one file: left to itself Rolldown cut
          // it into 14 (by which lazy views share each part), and a browser fetches them over
          // HTTP/1.1 six at a time (bench/RESULTS.md, r8-hst).
          // The first answers' module is a file of its own, which index.html runs before the
          // start file is in (scripts/renderer-build/first-answers-script.ts).
          codeSplitting: {
            groups: [
              {
                name: FIRST_ANSWERS_CHUNK,
                test: /renderer[\\/]src[\\/]app[\\/]first-answers\.ts$/,
                priority: 1,
              },
              { name: 'start', tags: ['$initial'] },
            ],
          },
        },
      },
    },
  },
});
