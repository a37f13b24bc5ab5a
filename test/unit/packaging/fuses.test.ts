import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const hook = createRequire(__filename)(join(root, 'scripts/packaging/fuses.cjs')) as {
  outpostFuses: Record<string | number, unknown>;
  executableOf: (context: unknown) => string;
};

describe('the fuses flipped at packaging', () => {
  it('turns Node-runtime abuse off and integrity checks on', () => {
    expect(hook.outpostFuses).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('is electron-builder’s afterPack hook, and finds each platform’s binary', () => {
    expect(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).toMatch(
      /^afterPack: scripts\/packaging\/fuses\.cjs$/m,
    );
    const context = (platform: string) => ({
      electronPlatformName: platform,
      appOutDir: '/out',
      packager: { appInfo: { productFilename: 'Outpost' }, executableName: 'outpost' },
    });
    expect(hook.executableOf(context('linux'))).toBe(join('/out', 'outpost'));
    expect(hook.executableOf(context('win32'))).toBe(join('/out', 'Outpost.exe'));
    expect(hook.executableOf(context('darwin'))).toBe(join('/out', 'Outpost.app'));
  });
});
