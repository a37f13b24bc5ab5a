import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { cliEntry } from '../../../scripts/cli-bundle.cjs';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

// What a command loads decides how soon it answers: the sandbox, the CSV importer,
// the phone metadata, the holiday tables and the HTTP client are megabytes of
// code. These tests run the built bundle and list the sources inside every bundle
// file it loaded (the bundle keeps a `// <source path>` line above each module).

const RECORDER = resolve(__dirname, '../../helpers/record-loaded-files.cjs');
const BUNDLE_DIR = dirname(cliEntry());
const HEAVY = [
  'node_modules/undici/',
  'node_modules/libphonenumber-js/',
  'node_modules/date-holidays/',
  'node_modules/papaparse/',
  'node_modules/iconv-lite/',
  'node_modules/zod/',
  'electron/sandbox/server.ts',
  'electron/core/providers/',
  'electron/core/bulk/sniff.ts',
];

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('outpost-start-up-');
});
afterAll(() => dir.remove());

interface Loaded {
  code: number | null;
  stdout: string;
  /** Bundle files loaded, relative to out/cli. */
  bundleFiles: string[];
  /** Source modules inside those files. */
  sources: string[];
  sqlite: boolean;
}

let runs = 0;
async function load(args: string[], stdin?: string): Promise<Loaded> {
  runs += 1;
  const record = join(dir.path, `loaded-${runs}.txt`);
  const r = await runCli(
    args,
    { NODE_OPTIONS: `--require ${RECORDER}`, OUTPOST_TEST_LOADED_FILES: record },
    stdin,
  );
  const files = readFileSync(record, 'utf8').split('\n');
  const bundleFiles = files.filter((f) => f.startsWith(BUNDLE_DIR));
  const sources = bundleFiles.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/^\/\/ ((?:node_modules|electron|shared)\/\S+)$/gm)].map(
      (m) => m[1] ?? '',
    ),
  );
  return {
    code: r.code,
    stdout: r.stdout,
    bundleFiles: bundleFiles.map((f) => f.slice(BUNDLE_DIR.length + 1)),
    sources,
    sqlite: files.some((f) => f.includes('/node_modules/better-sqlite3/')),
  };
}

function heavyIn(sources: string[]): string[] {
  return HEAVY.filter((h) => sources.some((s) => s.startsWith(h)));
}

/**
 * The files loaded, less the bundler's module runtime (about 2 kB, no code of ours): with the CSV
 * check's worker as a second entry of the CLI build, rolldown puts it in a chunk both entries share.
 */
function entryAlone(files: string[]): string[] {
  return files.filter((f) => !/^chunks\/rolldown-runtime-[\w-]+\.cjs$/.test(f));
}

describe('outpost start-up: each command loads only what it needs', () => {
  it('--help loads the entry file alone: no SQLite, no command code', async () => {
    const r = await load(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: outpost');
    expect(entryAlone(r.bundleFiles)).toEqual(['outpost.cjs']);
    expect(r.sources).toContain('electron/cli/program.ts');
    expect(r.sqlite).toBe(false);
    expect(r.sources.filter((s) => s.startsWith('electron/core/'))).toEqual([
      'electron/core/bulk/csv-encodings.ts',
      'electron/core/paths.ts',
    ]);
  });

  it('--version prints the package version from the entry file alone', async () => {
    const r = await load(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
    expect(entryAlone(r.bundleFiles)).toEqual(['outpost.cjs']);
  });

  it('outbox status opens the database and loads no provider, CSV, phone or simulator code', async () => {
    const r = await load(['--data-dir', dir.path, 'outbox', 'status', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ counts: { queued: 0 }, paused: [] });
    expect(r.sqlite).toBe(true);
    expect(r.sources).toContain('electron/core/outbox/status.ts');
    expect(heavyIn(r.sources)).toEqual([]);
    // Nor the segment counter, whose grapheme tables are built when it loads.
    expect(r.sources.filter((s) => s.startsWith('shared/sms/'))).toEqual([]);
  });

  it('segments counts stdin without SQLite or the phone metadata', async () => {
    const r = await load(['segments'], 'Olá\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ encoding: 'ucs2', segments: 1 });
    expect(r.sources).toContain('shared/sms/counter.ts');
    expect(r.sqlite).toBe(false);
    expect(heavyIn(r.sources)).toEqual([]);
  });

  it('the heavy parts are there when a command needs them (the check can see them)', async () => {
    const csv = join(dir.path, 'people.csv');
    writeFileSync(csv, 'phone\n+34600000001\n');
    const r = await load([
      '--data-dir',
      dir.path,
      'bulk',
      '--account',
      'Nobody',
      '--csv',
      csv,
      '--from',
      'SHOP',
      '--template',
      'Hi',
      '--dry-run',
    ]);
    // No such account: a failure, but only after the command loaded its parts.
    expect(r.code).toBe(1);
    expect(heavyIn(r.sources)).toEqual(
      expect.arrayContaining(['node_modules/libphonenumber-js/', 'node_modules/undici/']),
    );
  });
});
