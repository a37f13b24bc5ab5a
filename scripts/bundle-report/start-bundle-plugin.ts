import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import {
  type AssetInfo,
  type ChunkInfo,
  START_BUNDLE_REPORT,
  startBundleReport,
} from './start-bundle';

/**
 * A build step of the renderer: writes what the start bundle holds (files,
 * sizes, packages) to START_BUNDLE_REPORT, so `npm test` can hold it to its
 * budget (scripts/check-start-bundle.ts) and the start benchmark can print it.
 */
export function startBundleReportPlugin(projectRoot: string): Plugin {
  return {
    name: 'outpost-start-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const report = startBundleReport(bundle as unknown as Record<string, ChunkInfo | AssetInfo>);
      const file = resolve(projectRoot, START_BUNDLE_REPORT);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    },
  };
}
