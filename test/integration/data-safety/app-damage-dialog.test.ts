import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoreContext } from '../../../electron/core/context';
import { tempDir } from '../../helpers/temp-dir';
import { countDrafts, damage, dbFile, profileWithBackup } from './profile-fixture';

// The shell's dialog, answered by the test as a person would click.
const shown: { message: string; buttons: string[] }[] = [];
let answers: string[] = [];
vi.mock('electron', () => ({
  dialog: {
    showMessageBox: (options: { message: string; buttons: string[] }) => {
      shown.push(options);
      const label = answers.shift() ?? 'Quit';
      return Promise.resolve({ response: options.buttons.indexOf(label) });
    },
  },
}));
const { openProfile } = await import('../../../electron/main/open-profile');

let dir: ReturnType<typeof tempDir>;
let core: CoreContext;
beforeEach(() => {
  dir = tempDir();
  shown.length = 0;
  core = new CoreContext({ dataDir: dir.path, version: '0.0.0-test' });
});
afterEach(async () => {
  await core.close();
  dir.remove();
});

describe('the app at start, with a damaged database', () => {
  it('shows the sentence with "Restore the newest backup", and restores it when chosen', async () => {
    await profileWithBackup(dir.path);
    damage(dbFile(dir.path), 'pages overwritten in the middle');
    answers = ['Restore the newest backup'];
    expect(await openProfile(core)).toBe(true);
    expect(shown[0]?.message).toMatch(
      /^The database is damaged \(.*\); nothing was overwritten: it was moved aside to outpost\.sqlite\.damaged-.*\.$/,
    );
    expect(shown[0]?.buttons).toEqual([
      'Restore the newest backup',
      'Start with an empty database',
      'Quit',
    ]);
    expect(countDrafts(core.db)).toBe(1000);
  });

  it('quits without creating anything when the person chooses Quit', async () => {
    await profileWithBackup(dir.path);
    damage(dbFile(dir.path), 'random bytes');
    answers = ['Quit'];
    expect(await openProfile(core)).toBe(false);
    expect(() => core.db).toThrow(/The database is damaged/);
  });
});
