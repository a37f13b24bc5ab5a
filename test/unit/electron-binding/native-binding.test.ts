import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindingFailureMessage } from '../../../electron/main/binding-check';
import { nativeBindingPath } from '../../../electron/main/native-binding';

describe('where the app loads better-sqlite3 for Electron', () => {
  it('in development: the folder the step writes, in the checkout', () => {
    const path = nativeBindingPath(
      { isPackaged: false, getAppPath: () => '/src/outpost' },
      '/unused',
    );
    expect(path).toBe(
      join('/src/outpost', 'node_modules', '.outpost-electron', 'better_sqlite3.node'),
    );
  });

  it('packaged: the same folder under app.asar.unpacked, never the Node build', () => {
    const path = nativeBindingPath(
      { isPackaged: true, getAppPath: () => '/opt/Outpost/resources/app.asar' },
      '/opt/Outpost/resources',
    );
    expect(path).toBe(
      join(
        '/opt/Outpost/resources',
        'app.asar.unpacked',
        'node_modules',
        '.outpost-electron',
        'better_sqlite3.node',
      ),
    );
  });
});

describe('what the dialog says when that binding does not load', () => {
  it('in development names the file and the command that makes it', () => {
    expect(bindingFailureMessage(false, '/src/b.node')).toBe(
      'better-sqlite3 built for Electron could not be loaded from /src/b.node; run `npm start` again with internet access (it fetches or builds that file first), or `npx tsx scripts/electron-binding/main.ts` on its own.',
    );
  });

  it('packaged tells the person to reinstall', () => {
    expect(bindingFailureMessage(true, '/opt/b.node')).toMatch(
      /could not be loaded from \/opt\/b\.node; this copy of Outpost is damaged .* reinstall Outpost/,
    );
  });
});
