import { describe, expect, it } from 'vitest';
import { NOT_AT_START } from '../../../scripts/bundle-report/budget';
import {
  type AssetInfo,
  type ChunkInfo,
  packageOf,
  startBundleReport,
} from '../../../scripts/bundle-report/start-bundle';
import { startBundleProblems } from '../../../scripts/bundle-report/start-problems';

const chunk = (
  fileName: string,
  imports: string[],
  modules: Record<string, number>,
  extra: Partial<ChunkInfo> = {},
): ChunkInfo => ({
  type: 'chunk',
  fileName,
  isEntry: false,
  imports,
  code: 'x'.repeat(Object.values(modules).reduce((n, b) => n + b, 0)),
  modules: Object.fromEntries(
    Object.entries(modules).map(([id, n]) => [id, { renderedLength: n }]),
  ),
  ...extra,
});

/** An entry that imports a shared chunk statically and a view dynamically (the view is not in `imports`). */
function bundle(sharedModules: Record<string, number>): Record<string, ChunkInfo | AssetInfo> {
  return {
    'index.js': chunk(
      'index.js',
      ['shared.js'],
      { '/p/renderer/src/main.tsx': 1_000 },
      { isEntry: true, viteMetadata: { importedCss: new Set(['index.css']) } },
    ),
    'shared.js': chunk('shared.js', [], sharedModules),
    'ReportsView.js': chunk('ReportsView.js', ['shared.js'], {
      '/p/node_modules/recharts/lib/index.js': 400_000,
    }),
    'index.css': { type: 'asset', fileName: 'index.css', source: 'a{}' },
  };
}

describe('the start bundle report', () => {
  it('counts the entry, what it imports statically and its CSS, never a lazy view', () => {
    const report = startBundleReport(bundle({ '/p/node_modules/react-dom/cjs/x.js': 5_000 }));
    expect(report.files.map((f) => f.file).sort()).toEqual(['index.css', 'index.js', 'shared.js']);
    expect(report.totalBytes).toBe(1_000 + 5_000 + 3);
    expect(report.packages.map((p) => p.name)).toEqual(['react-dom', 'renderer/src/main.tsx']);
  });

  it('names a package that belongs to a view when it reaches the start chunks', () => {
    const report = startBundleReport(
      bundle({ '/p/node_modules/zod/v4/core/core.js': 60_000, '/p/shared/ipc/x.ts': 100 }),
    );
    const problems = startBundleProblems(report, { kib: 1_000, gzipKib: 1_000 }, NOT_AT_START);
    expect(problems).toEqual([
      'zod (58.6 KiB) is in the start bundle: import it only from the view that needs it.',
    ]);
  });

  it('says by how much the start bundle is over its budget, and which files are largest', () => {
    const report = startBundleReport(bundle({ '/p/node_modules/react-dom/cjs/x.js': 200_000 }));
    const problems = startBundleProblems(report, { kib: 100, gzipKib: 100 }, NOT_AT_START);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^The start bundle is 196\.3 KiB, over its budget of 100 KiB \(largest: shared\.js 195\.3 KiB/,
    );
    expect(startBundleProblems(report, { kib: 200, gzipKib: 100 }, NOT_AT_START)).toEqual([]);
  });

  it('names packages by their npm name, scoped or not, and project files by folder', () => {
    expect(packageOf('/a/node_modules/@tanstack/virtual-core/dist/esm/index.js')).toBe(
      '@tanstack/virtual-core',
    );
    expect(packageOf('C:\\a\\node_modules\\zod\\v4\\index.js')).toBe('zod');
    expect(packageOf('/a/node_modules/.pnpm/x/node_modules/react/index.js')).toBe('react');
    expect(packageOf('/w/renderer/src/features/compose/store.ts')).toBe('renderer/src/features');
  });
});
