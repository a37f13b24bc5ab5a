import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { cliEntry, isCliBundleCurrent } from '../../../scripts/cli-bundle.cjs';
import { collect, exited } from '../../helpers/child';
import { tempDir } from '../../helpers/temp-dir';

// The `outpost` launcher (package bin and `npm run -s outpost`): runs the bundle,
// rebuilding it first when it is missing or older than its sources.

const ROOT = resolve(__dirname, '../../..');
const LAUNCHER = join(ROOT, 'scripts', 'outpost.cjs');
const away = tempDir('outpost-launcher-');
// Inside the project (out/), so the bundle finds node_modules like the real one.
const privateOut = mkdtempSync(join(ROOT, 'out', '.test-launcher-'));
afterAll(() => {
  away.remove();
  rmSync(privateOut, { recursive: true, force: true });
});

async function run(command: string, args: string[], env: NodeJS.ProcessEnv, stdin?: string) {
  const child = spawn(command, args, {
    cwd: away.path,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = collect(child);
  child.stdin?.end(stdin ?? '');
  const code = await exited(child);
  return { code, stdout: output.stdout(), stderr: output.stderr() };
}

describe('outpost launcher', () => {
  it('builds a missing bundle first, keeping stdout for the answer alone, then reuses it', async () => {
    const outDir = join(privateOut, 'cli');
    const env = { OUTPOST_CLI_OUT_DIR: outDir };
    const first = await run(process.execPath, [LAUNCHER, 'segments', '--json'], env, 'abc');
    expect(first.stdout).toBe(
      '{"encoding":"gsm","segments":1,"units":3,"unitsPerSegment":160,"forcingUcs2":[]}\n',
    );
    expect(first.code).toBe(0);
    const built = statSync(cliEntry(outDir)).mtimeMs;

    const again = await run(process.execPath, [LAUNCHER, '--version'], env);
    expect(again).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(statSync(cliEntry(outDir)).mtimeMs).toBe(built);
  });

  it('works from any folder through a link to it, as `npm link` installs it', async () => {
    const bin = join(away.path, 'bin');
    mkdirSync(bin);
    symlinkSync(LAUNCHER, join(bin, 'outpost'));
    const r = await run(join(bin, 'outpost'), ['--version'], {});
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
    const bad = await run(join(bin, 'outpost'), ['outbox', 'nonsense'], {});
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
  });
});

describe('whether the bundle is current', () => {
  const outDir = join(privateOut, 'dated');
  mkdirSync(outDir, { recursive: true });

  it('is not when there is no bundle', () => {
    expect(isCliBundleCurrent(join(privateOut, 'nothing-here'))).toBe(false);
  });

  it('is when the bundle was built after every source changed, and is not once one is newer', () => {
    const entry = cliEntry(outDir);
    writeFileSync(entry, '');
    const later = new Date(Date.now() + 3_600_000);
    utimesSync(entry, later, later);
    expect(isCliBundleCurrent(outDir)).toBe(true);
    // Built "in 2001": every source in the checkout is newer than that.
    const old = new Date('2001-01-01T00:00:00Z');
    utimesSync(entry, old, old);
    expect(isCliBundleCurrent(outDir)).toBe(false);
    expect(existsSync(entry)).toBe(true);
  });
});
