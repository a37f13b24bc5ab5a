import { describe, expect, it } from 'vitest';
import { childEnv, spawnRunner } from '../../../scripts/electron-binding/run-command';

describe('the commands the step runs', () => {
  it("drop npm settings that would point node-gyp at Node's headers, and keep the rest", () => {
    const env = childEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.20.2',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_build_from_source: 'true',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_better_sqlite3_binary_host: 'https://mirror.example/better-sqlite3',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_better_sqlite3_binary_host: 'https://mirror.example/better-sqlite3',
    });
  });

  it('show what the program prints and report its exit code', async () => {
    const echoed: string[] = [];
    const run = spawnRunner((chunk) => echoed.push(chunk));
    const result = await run({
      program: process.execPath,
      args: ['-e', "console.log('fetching'); console.error('ENOTFOUND'); process.exit(3)"],
      cwd: process.cwd(),
      env: process.env,
    });
    expect(result.exitCode).toBe(3);
    expect(result.output).toContain('fetching');
    expect(result.output).toContain('ENOTFOUND');
    expect(echoed.join('')).toContain('fetching');
  });

  it('report a program that cannot be started instead of throwing', async () => {
    const run = spawnRunner(() => {});
    const result = await run({
      program: '/nonexistent/prebuild-install',
      args: [],
      cwd: process.cwd(),
      env: process.env,
    });
    expect(result.exitCode).toBeNull();
    expect(result.output).toContain('ENOENT');
  });
});
