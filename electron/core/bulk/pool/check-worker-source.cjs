'use strict';
// The pool's worker for the contexts that run the code unbuilt (vitest, tsx,
// `npm run web`, the benches): a worker thread does not inherit their
// TypeScript transform, and compiling the worker's module tree through tsx in
// every worker took 1.8-2.1 s per start (bench/RESULTS.md, bulk). So the
// entry is bundled once per process with esbuild (tsx's own compiler, a dev
// dependency), into one CommonJS file that each worker loads as built JS, as
// the app's and the CLI's bundles do (out/main, out/cli).
const { mkdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

let built;

/** The bundled worker's path; bundles on the first call of this process, removed when it exits. */
exports.builtCheckWorker = function builtCheckWorker() {
  if (built) return built;
  const { buildSync } = require('esbuild');
  const dir = join(tmpdir(), 'outpost-check-worker');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${process.pid}-${Date.now()}.cjs`);
  buildSync({
    entryPoints: [join(__dirname, 'check-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    // Native addons stay in node_modules, as in the app's bundle.
    external: ['better-sqlite3', '@napi-rs/keyring'],
  });
  process.once('exit', () => rmSync(outfile, { force: true }));
  built = outfile;
  return built;
};
