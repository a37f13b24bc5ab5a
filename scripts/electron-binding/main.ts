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
})
  .then((outcome) => {
    if (!outcome.ok) fail(outcome.sentence);
  })
  .catch((error: unknown) => {
    // Not one of the step's own sentences (a full disk, a permission): still one line, and a failure.
    const reason = error instanceof Error ? error.message : String(error);
    fail(
      `Could not make better-sqlite3 for Electron (${reason}); fix that and run \`npm start\` again.`,
    );
  });

function fail(sentence: string): void {
  console.error(`\nelectron-binding: ${sentence}`);
  process.exitCode = 1;
}
