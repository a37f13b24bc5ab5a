// Makes the Electron-ABI build of better-sqlite3 when it is missing or stale.
// `npm start` and `npm run package` run this first; it can also be run alone:
//   npx tsx scripts/electron-binding/main.ts
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureElectronBinding } from './ensure-binding';
import { spawnRunner } from './run-command';

const projectRoot = resolve(__dirname, '..', '..');
const fromProject = createRequire(join(projectRoot, 'package.json'));
const log = (line: string) => console.log(`electron-binding: ${line}`);

ensureElectronBinding({
  projectRoot,
  machine: { platform: process.platform, arch: process.arch },
  run: spawnRunner((chunk) => process.stdout.write(chunk)),
  log,
  env: process.env,
  tmpDir: tmpdir(),
  headersDir: join(homedir(), '.electron-gyp'),
  tools: {
    node: process.execPath,
    prebuildInstall: fromProject.resolve('prebuild-install/bin.js'),
    nodeGyp: fromProject.resolve('node-gyp/bin/node-gyp.js'),
  },
  now: Date.now,
}).then((outcome) => {
  if (!outcome.ok) {
    console.error(`\nelectron-binding: ${outcome.sentence}`);
    process.exitCode = 1;
  }
});
