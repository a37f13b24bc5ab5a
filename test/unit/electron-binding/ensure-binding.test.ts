import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bindingFiles,
  ensureElectronBinding,
  type StepDeps,
} from '../../../scripts/electron-binding/ensure-binding';
import type { Command, CommandResult } from '../../../scripts/electron-binding/run-command';
import { tempDir } from '../../helpers/temp-dir';

/** Bytes that read as an addon for `abi`, the way a compiled .node file does. */
function fakeAddon(abi: string): Buffer {
  return Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]),
    Buffer.from(`\0node_register_module_v${abi}\0`, 'latin1'),
    Buffer.alloc(64, 0xab),
  ]);
}

const NODE_BUILD = fakeAddon('115');
const tools = {
  node: '/fake/node',
  prebuildInstall: '/fake/prebuild-install/bin.js',
  nodeGyp: '/fake/node-gyp.js',
};

type Behaviour = 'ok' | 'network' | 'half-then-network' | 'node-abi' | 'exit-0-no-file';

interface World {
  deps: StepDeps;
  /** What each command found in its working folder when it started. */
  seen: Array<{ sources: boolean; build: boolean }>;
  root: string;
  tmp: string;
  commands: Command[];
  logs: string[];
  fetch: Behaviour;
  build: Behaviour;
}

let world: World;
let dirs: Array<{ remove: () => void }>;

function makeProject(root: string, electron = '45.4.1', betterSqlite3 = '12.11.1'): void {
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write(
    'node_modules/electron/package.json',
    JSON.stringify({ name: 'electron', version: electron }),
  );
  write(
    'node_modules/better-sqlite3/package.json',
    JSON.stringify({ name: 'better-sqlite3', version: betterSqlite3 }),
  );
  write('node_modules/better-sqlite3/binding.gyp', '{}');
  write('node_modules/better-sqlite3/src/better_sqlite3.cpp', '// source');
  write('node_modules/better-sqlite3/build/Release/better_sqlite3.node', NODE_BUILD);
}

/** What a command would leave in its working folder, without running anything. */
function act(behaviour: Behaviour, command: Command): CommandResult {
  const output = join(command.cwd, 'build', 'Release', 'better_sqlite3.node');
  const put = (bytes: Buffer) => {
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, bytes);
  };
  switch (behaviour) {
    case 'ok':
      put(fakeAddon('150'));
      return { exitCode: 0, output: 'ok' };
    case 'node-abi':
      put(NODE_BUILD);
      return { exitCode: 0, output: 'gyp info ok' };
    case 'exit-0-no-file':
      return { exitCode: 0, output: '' };
    case 'half-then-network':
      put(fakeAddon('150').subarray(0, 12));
      return { exitCode: 1, output: 'prebuild-install warn install socket hang up' };
    case 'network':
      return {
        exitCode: 1,
        output:
          command.args[0] === tools.prebuildInstall
            ? 'prebuild-install warn install getaddrinfo ENOTFOUND github.com'
            : 'gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and\ngyp ERR! stack is related to network connectivity.',
      };
  }
}

beforeEach(() => {
  const project = tempDir('outpost-binding-project-');
  const tmp = tempDir('outpost-binding-tmp-');
  dirs = [project, tmp];
  makeProject(project.path);
  const commands: Command[] = [];
  const logs: string[] = [];
  const seen: World['seen'] = [];
  let clock = 1_000_000;
  world = {
    root: project.path,
    tmp: tmp.path,
    commands,
    logs,
    seen,
    fetch: 'ok',
    build: 'ok',
    deps: {
      projectRoot: project.path,
      machine: { platform: 'linux', arch: 'x64' },
      run: async (command) => {
        commands.push(command);
        seen.push({
          sources: existsSync(join(command.cwd, 'src', 'better_sqlite3.cpp')),
          build: existsSync(join(command.cwd, 'build')),
        });
        clock += 1500;
        return act(command.args[0] === tools.prebuildInstall ? world.fetch : world.build, command);
      },
      log: (line) => logs.push(line),
      env: { PATH: '/usr/bin', npm_config_nodedir: '/usr', HTTPS_PROXY: 'http://proxy:3128' },
      tmpDir: tmp.path,
      headersDir: '/home/dev/.electron-gyp',
      tools,
      now: () => clock,
    },
  };
});

afterEach(() => {
  for (const dir of dirs) dir.remove();
});

const files = () => bindingFiles(world.root);
const stampOnDisk = () => JSON.parse(readFileSync(files().stamp, 'utf8'));
const realNodeBuild = () =>
  readFileSync(join(world.root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'));

function installStamped(abi: string, electron: string, binaryAbi = abi): void {
  mkdirSync(files().dir, { recursive: true });
  writeFileSync(files().binary, fakeAddon(binaryAbi));
  writeFileSync(
    files().stamp,
    JSON.stringify({
      electron,
      abi,
      betterSqlite3: '12.11.1',
      platform: 'linux',
      arch: 'x64',
      method: 'prebuilt',
      madeAt: '2026-01-01T00:00:00.000Z',
      seconds: 3,
    }),
  );
}

describe('the Electron-binding step', () => {
  it('when the build is missing, fetches the prebuilt binary for the installed Electron in a copy of the package', async () => {
    const outcome = await ensureElectronBinding(world.deps);

    expect(outcome).toEqual({ ok: true, made: 'prebuilt' });
    expect(world.commands).toHaveLength(1);
    const [fetch] = world.commands;
    expect(fetch?.program).toBe(tools.node);
    expect(fetch?.args).toEqual([
      tools.prebuildInstall,
      '--runtime',
      'electron',
      '--target',
      '45.4.1',
      '--arch',
      'x64',
      '--platform',
      'linux',
      '--verbose',
    ]);
    // A copy outside the project that holds the sources but not the Node build.
    expect(relative(world.tmp, fetch?.cwd ?? '').startsWith('..')).toBe(false);
    expect(world.seen).toEqual([{ sources: true, build: false }]);
    expect(fetch?.env.npm_config_nodedir).toBeUndefined();
    expect(fetch?.env.HTTPS_PROXY).toBe('http://proxy:3128');
    expect(readFileSync(files().binary).includes('node_register_module_v150')).toBe(true);
    expect(stampOnDisk()).toMatchObject({
      electron: '45.4.1',
      abi: '150',
      betterSqlite3: '12.11.1',
      platform: 'linux',
      arch: 'x64',
      method: 'prebuilt',
    });
    expect(world.logs.join('\n')).toMatch(/fetched in \d+(\.\d)? s/);
    expect(realNodeBuild().equals(NODE_BUILD)).toBe(true);
    expect(readdirSync(world.tmp)).toEqual([]);
  });

  it('when the download fails, compiles the copy against Electron 45.4.1 headers with node-gyp', async () => {
    world.fetch = 'half-then-network';
    const outcome = await ensureElectronBinding(world.deps);

    expect(outcome).toEqual({ ok: true, made: 'source' });
    expect(world.commands.map((c) => c.args[0])).toEqual([tools.prebuildInstall, tools.nodeGyp]);
    const build = world.commands[1];
    expect(build?.args).toEqual([
      tools.nodeGyp,
      'rebuild',
      '--release',
      '--jobs=max',
      '--target=45.4.1',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers',
      '--devdir=/home/dev/.electron-gyp',
    ]);
    expect(build?.cwd).toBe(world.commands[0]?.cwd);
    expect(world.seen[1]).toEqual({ sources: true, build: false });
    expect(build?.cwd.startsWith(join(world.root, 'node_modules'))).toBe(false);
    expect(build?.env.npm_config_nodedir).toBeUndefined();
    expect(stampOnDisk()).toMatchObject({ abi: '150', method: 'source' });
    expect(realNodeBuild().equals(NODE_BUILD)).toBe(true);
  });

  it('does nothing when the build, its stamp and the installed versions agree', async () => {
    installStamped('150', '45.4.1');
    const before = readFileSync(files().stamp, 'utf8');

    const outcome = await ensureElectronBinding(world.deps);

    expect(outcome).toEqual({ ok: true, made: 'nothing' });
    expect(world.commands).toEqual([]);
    expect(readFileSync(files().stamp, 'utf8')).toBe(before);
    expect(world.logs).toEqual([
      expect.stringMatching(/Electron 45\.4\.1 \(ABI 150, linux-x64\) is up to date/),
    ]);
  });

  it('rebuilds a build made for an older Electron (stale ABI) and says so', async () => {
    installStamped('140', '44.0.0');

    const outcome = await ensureElectronBinding(world.deps);

    expect(outcome).toEqual({ ok: true, made: 'prebuilt' });
    expect(world.logs[0]).toMatch(/stale: it was made for Electron 44\.0\.0 \(ABI 140\)/);
    expect(stampOnDisk()).toMatchObject({ electron: '45.4.1', abi: '150' });
    expect(readFileSync(files().binary).includes('node_register_module_v150')).toBe(true);
  });

  it('rebuilds when the stamp matches but the file is a Node build put there by hand', async () => {
    installStamped('150', '45.4.1', '115');

    const outcome = await ensureElectronBinding(world.deps);

    expect(outcome).toEqual({ ok: true, made: 'prebuilt' });
    expect(world.logs[0]).toMatch(/file is for ABI 115/);
  });

  it('rebuilds after better-sqlite3 is upgraded', async () => {
    installStamped('150', '45.4.1');
    makeProject(world.root, '45.4.1', '12.12.0');

    await ensureElectronBinding(world.deps);

    expect(world.commands).toHaveLength(1);
    expect(stampOnDisk()).toMatchObject({ betterSqlite3: '12.12.0' });
  });

  it('a failed download and build leave no file behind and end with the sentence', async () => {
    world.fetch = 'half-then-network';
    world.build = 'network';

    const outcome = await ensureElectronBinding(world.deps);

    expect(outcome).toEqual({
      ok: false,
      sentence:
        "Could not make better-sqlite3 12.11.1 for Electron 45.4.1 (ABI 150): the prebuilt binary could not be downloaded (no connection to its host) and the source build could not download Electron's headers; connect this machine to the internet, then run `npm start` again (or `npx tsx scripts/electron-binding/main.ts` on its own).",
    });
    expect(existsSync(files().dir)).toBe(false);
    expect(readdirSync(world.tmp)).toEqual([]);
    expect(realNodeBuild().equals(NODE_BUILD)).toBe(true);
  });

  it('keeps a stale build as it was when making the new one fails', async () => {
    installStamped('140', '44.0.0');
    world.fetch = 'network';
    world.build = 'network';

    const outcome = await ensureElectronBinding(world.deps);

    expect(outcome.ok).toBe(false);
    expect(readdirSync(files().dir).sort()).toEqual(['better_sqlite3.node', 'stamp.json']);
    expect(stampOnDisk()).toMatchObject({ abi: '140' });
  });

  it('never installs a Node-ABI binary that a build produced under the Electron name', async () => {
    world.fetch = 'exit-0-no-file';
    world.build = 'node-abi';

    const outcome = await ensureElectronBinding(world.deps);

    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.sentence).toMatch(
      /the source build made a binary for ABI 115 .*remove that setting/,
    );
    expect(existsSync(files().binary)).toBe(false);
  });

  it('says to run npm install when electron is not installed', async () => {
    const project = tempDir('outpost-binding-empty-');
    dirs.push(project);

    const outcome = await ensureElectronBinding({ ...world.deps, projectRoot: project.path });

    expect(outcome).toEqual({
      ok: false,
      sentence: expect.stringMatching(
        /^The electron package is not installed .*run `npm install` first\.$/,
      ),
    });
    expect(world.commands).toEqual([]);
  });

  it('says to update node-abi when it does not know the installed Electron', async () => {
    makeProject(world.root, '999.0.0');

    const outcome = await ensureElectronBinding(world.deps);

    expect(outcome).toEqual({
      ok: false,
      sentence: expect.stringMatching(
        /node-abi does not know the ABI of Electron 999\.0\.0; update it/,
      ),
    });
    expect(world.commands).toEqual([]);
  });
});
