import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../electron/core/paths';

describe('the default data folder (the same one Electron gives the app)', () => {
  it('follows OUTPOST_DATA_DIR first', () => {
    expect(defaultDataDir({ OUTPOST_DATA_DIR: '/srv/outpost' }, 'linux')).toBe('/srv/outpost');
  });
  it('is ~/.config/Outpost on Linux, honouring XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Outpost'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(join('/x', 'Outpost'));
  });
  it('is under Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultDataDir({}, 'darwin')).toBe(
      join(homedir(), 'Library', 'Application Support', 'Outpost'),
    );
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(
      join('C:\\Users\\a\\AppData\\Roaming', 'Outpost'),
    );
  });
});
