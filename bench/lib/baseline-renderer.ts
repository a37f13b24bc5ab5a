/**
 * An earlier commit's renderer served beside this checkout's, so a renderer
 * benchmark can measure both in turn on the same machine and the same core
 * (BENCH_BASELINE=<git rev>). `npm run web` reads out/renderer/index.html
 * once when it starts and the assets at each request: the baseline's assets
 * are copied in beside ours (hashed names), its index.html is in place only
 * while its server starts, and `remove` takes its files away again.
 */
import { execFileSync, execSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { buildBridgeScript } from '../../electron/web/bridge-script';

const ROOT = resolve(__dirname, '..', '..');
const OUT = join(ROOT, 'out', 'renderer');

export interface BaselineRenderer {
  /** Runs `start` with the baseline's index.html in out/renderer, then puts ours back. */
  serve<T>(start: () => Promise<T>): Promise<T>;
  remove(): void;
}

/** This checkout's renderer, built now (electron-vite), so the figures are for the code as it is. */
export function buildCurrentRenderer(): void {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** The start-file plugins (scripts/renderer-build, r11-hst): a revision is built with them when it has them. */
const START_PLUGINS = ['compile-hint.ts', 'first-answers-script.ts'];

function revisionHas(rev: string, path: string): boolean {
  try {
    execFileSync('git', ['cat-file', '-e', `${rev}:${path}`], { cwd: ROOT, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The baseline's Vite config: the app's renderer plugins and minifying, as
 * electron.vite.config.ts has them, so the two builds differ only in their
 * source (without the locales plugin, React Aria's strings in 34 languages
 * alone made a baseline's start bundle ~60 KiB larger), and the start code in
 * one file (without it a baseline came in 15 start files, downloaded in
 * rounds: bench/RESULTS.md, r9-hrs). A revision with its own start-file
 * plugins is built with them (its copies), one from before without: each
 * side is measured as it would have shipped.
 */
function baselineConfig(src: string, out: string, startPlugins: boolean): string {
  const imports = [
    "import optimizeLocales from '@react-aria/optimize-locales-plugin';",
    "import react from '@vitejs/plugin-react';",
  ];
  const plugins = ["optimizeLocales.vite({ locales: ['en', 'es'] })", 'react()'];
  const groups = ["{ name: 'start', tags: ['$initial'] }"];
  if (startPlugins) {
    imports.push(
      "import { compileHintPlugin } from './scripts/renderer-build/compile-hint.ts';",
      "import { FIRST_ANSWERS_CHUNK, firstAnswersScriptPlugin } from './scripts/renderer-build/first-answers-script.ts';",
    );
    plugins.push('compileHintPlugin()', 'firstAnswersScriptPlugin()');
    groups.unshift(
      '{ name: FIRST_ANSWERS_CHUNK, test: /renderer[\\\\/]src[\\\\/]app[\\\\/]first-answers\\.ts$/, priority: 1 }',
    );
  }
  const build = `{ outDir: ${JSON.stringify(out)}, emptyOutDir: true, minify: true, rolldownOptions: { output: { codeSplitting: { groups: [${groups.join(', ')}] } } } }`;
  return `${imports.join('\n')}\nexport default { root: ${JSON.stringify(join(src, 'renderer'))}, plugins: [${plugins.join(', ')}], base: './', logLevel: 'error', build: ${build} };\n`;
}

/**
 * Builds `rev`'s renderer (its renderer/ and shared/, with this checkout's
 * packages, and its own start-file plugins if it has them) under `work` with
 * plain Vite; returns the folder it was built in.
 */
export function buildRendererOf(rev: string, work: string): string {
  const src = join(work, 'baseline');
  mkdirSync(src, { recursive: true });
  const startPlugins = START_PLUGINS.every((f) => revisionHas(rev, `scripts/renderer-build/${f}`));
  const paths = startPlugins ? 'renderer shared scripts/renderer-build' : 'renderer shared';
  execSync(`git archive ${rev} ${paths} | tar -x -C ${src}`, { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));
  const out = join(work, 'baseline-out');
  const config = join(src, 'vite.baseline.config.mts');
  writeFileSync(config, baselineConfig(src, out, startPlugins));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', config], {
    cwd: src,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

/**
 * Builds `rev`'s page side of the web bridge (electron/web/page and shared/,
 * with this checkout's packages) under `work`, as `npm run web` would have
 * served it; returns the script's file (for `npm run web -- --bridge FILE`).
 */
export async function buildBridgeOf(rev: string, work: string): Promise<string> {
  const src = join(work, 'baseline-bridge');
  mkdirSync(src, { recursive: true });
  execSync(`git archive ${rev} electron/web/page shared | tar -x -C ${src}`, { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));
  const file = join(work, 'baseline-bridge.js');
  writeFileSync(file, await buildBridgeScript(join(src, 'electron', 'web', 'page', 'client.ts')));
  return file;
}

/** Builds `rev`'s renderer (its renderer/ and shared/, this checkout's packages) under `work`. */
export function buildBaselineRenderer(rev: string, work: string): BaselineRenderer {
  const out = buildRendererOf(rev, work);
  const ours = new Set(readdirSync(join(OUT, 'assets')));
  const added = readdirSync(join(out, 'assets')).filter((f) => !ours.has(f));
  for (const f of added) copyFileSync(join(out, 'assets', f), join(OUT, 'assets', f));
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const indexFile = join(OUT, 'index.html');
  return {
    serve: async (start) => {
      const mine = readFileSync(indexFile, 'utf8');
      writeFileSync(indexFile, html);
      try {
        return await start();
      } finally {
        writeFileSync(indexFile, mine);
      }
    },
    remove: () => {
      for (const f of added) rmSync(join(OUT, 'assets', f), { force: true });
    },
  };
}
