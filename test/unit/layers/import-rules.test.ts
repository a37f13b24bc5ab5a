import { resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

// The same rule set `npm run imports` applies to the real tree.
const config = require('../../../.dependency-cruiser.cjs') as {
  forbidden: unknown[];
  options: object;
};
const root = resolve(__dirname, '..', '..', '..');

async function violations(baseDir: string, paths: string[]): Promise<string[]> {
  const result = await cruise(paths, {
    validate: true,
    ruleSet: { forbidden: config.forbidden } as never,
    baseDir,
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
  });
  if (typeof result.output === 'string') throw new Error('unexpected string output');
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

describe('the layer rules', () => {
  it('catch electron in core, Node in shared and the renderer reaching into core', async () => {
    const found = await violations(resolve(root, 'test/fixtures/layers'), [
      'electron',
      'shared',
      'renderer',
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-electron-below-main: electron\/core\/imports-electron\.ts/),
        expect.stringMatching(/^shared-is-pure: shared\/imports-node\.ts -> (node:)?fs/),
        expect.stringMatching(
          /^renderer-only-renderer-and-shared: renderer\/imports-core\.ts -> electron\/core\/imports-electron\.ts/,
        ),
      ]),
    );
  });

  it('catch a CLI command file importing what it does at the top, not inside its action', async () => {
    const found = await violations(resolve(root, 'test/fixtures/layers'), ['electron']);
    const lazy = found.filter((v) => v.startsWith('cli-commands-import-work-lazily:'));
    expect(lazy).toEqual([
      expect.stringMatching(
        /^cli-commands-import-work-lazily: electron\/cli\/commands\/imports-work-at-top\.ts -> electron\/core\/imports-electron\.ts$/,
      ),
    ]);
  });
});
