'use strict';
// Whether out/cli/outpost.cjs is current with its sources, and rebuilding it when it is not.
// Plain CommonJS on purpose: the `outpost` launcher requires this before every command,
// so it must load in a millisecond, without TypeScript or the ESM loader.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_OUT_DIR = path.join(ROOT, 'out', 'cli');
const ENTRY_FILE = 'outpost.cjs';
const CONFIG = path.join(ROOT, 'vite.cli.config.mts');

/** What the bundle is built from: the layers the CLI may import (the app shell never), and the build's own inputs. */
const SOURCE_DIRS = ['electron', 'shared'];
const SKIPPED_DIRS = new Set([
  path.join(ROOT, 'electron', 'main'),
  path.join(ROOT, 'electron', 'preload'),
]);
const SOURCE_FILES = [
  'vite.cli.config.mts',
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
];

function cliEntry(outDir = DEFAULT_OUT_DIR) {
  return path.join(outDir, ENTRY_FILE);
}

function mtimeOf(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Newest modification time under `dir`, directories included (a deleted or renamed file changes its folder's). */
function newestUnder(dir) {
  let newest = mtimeOf(dir);
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(full)) newest = Math.max(newest, newestUnder(full));
    } else {
      newest = Math.max(newest, mtimeOf(full));
    }
  }
  return newest;
}

/** True when the sources are present (a checkout, not an installed copy of the bundle). */
function hasSources() {
  return fs.existsSync(path.join(ROOT, 'electron', 'cli', 'index.ts'));
}

/**
 * The bundle is current when it exists and nothing it is built from changed
 * after its build started (the build dates the entry file to its start).
 */
function isCliBundleCurrent(outDir = DEFAULT_OUT_DIR) {
  const built = mtimeOf(cliEntry(outDir));
  if (built === 0) return false;
  if (!hasSources()) return true;
  for (const dir of SOURCE_DIRS) if (newestUnder(path.join(ROOT, dir)) > built) return false;
  for (const file of SOURCE_FILES) if (mtimeOf(path.join(ROOT, file)) > built) return false;
  return true;
}

/** Leftovers of builds that were killed half-way (older than an hour, so never a build in progress). */
function sweepLeftovers(parent) {
  const hourAgo = Date.now() - 3_600_000;
  let names = [];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const full = path.join(parent, name);
    if (name.startsWith('.cli-') && mtimeOf(full) < hourAgo) {
      fs.rmSync(full, { recursive: true, force: true });
    }
  }
}

/**
 * Builds into a fresh folder beside `outDir`, then swaps it in with renames, so a
 * command starting meanwhile never reads a half-written bundle, and two launchers
 * rebuilding at once both end with a complete one. Vite's output goes to stderr:
 * stdout belongs to the command's result.
 */
function buildCliBundle(outDir = DEFAULT_OUT_DIR) {
  const parent = path.dirname(outDir);
  fs.mkdirSync(parent, { recursive: true });
  sweepLeftovers(parent);
  const tag = `${process.pid}-${Date.now()}`;
  const fresh = path.join(parent, `.cli-build-${tag}`);
  const vite = path.join(
    path.dirname(require.resolve('vite/package.json', { paths: [ROOT] })),
    'bin',
    'vite.js',
  );
  // Required here, not at the top: most runs never build, and child_process costs time to load.
  const { spawnSync } = require('node:child_process');
  const run = spawnSync(
    process.execPath,
    [vite, 'build', '--config', CONFIG, '--outDir', fresh, '--emptyOutDir'],
    {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
    },
  );
  if (run.status !== 0 || !fs.existsSync(cliEntry(fresh))) {
    fs.rmSync(fresh, { recursive: true, force: true });
    throw new Error(
      `Building the command line failed (vite build --config ${path.basename(CONFIG)}).`,
    );
  }
  const old = path.join(parent, `.cli-old-${tag}`);
  let movedOld = false;
  try {
    fs.renameSync(outDir, old);
    movedOld = true;
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  try {
    fs.renameSync(fresh, outDir);
  } catch (error) {
    // Another launcher put its equally fresh build in place first: keep that one.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    fs.rmSync(fresh, { recursive: true, force: true });
  }
  if (movedOld) fs.rmSync(old, { recursive: true, force: true });
}

/** The entry file to run, rebuilt first when it is missing or older than its sources. */
function ensureCliBundle(outDir = DEFAULT_OUT_DIR) {
  if (!isCliBundleCurrent(outDir)) {
    if (!hasSources()) throw new Error(`${cliEntry(outDir)} is missing: run npm run build.`);
    if (process.stderr.isTTY)
      process.stderr.write('outpost: the sources changed; rebuilding the command line…\n');
    buildCliBundle(outDir);
  }
  return cliEntry(outDir);
}

module.exports = { DEFAULT_OUT_DIR, cliEntry, isCliBundleCurrent, buildCliBundle, ensureCliBundle };
