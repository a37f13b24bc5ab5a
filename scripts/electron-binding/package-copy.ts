import { cpSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/** Left out of the copy: the Node build (so it can never be mistaken for the result) and installed packages. */
const SKIPPED = new Set(['build', 'prebuilds', 'node_modules']);

/**
 * A copy of the better-sqlite3 package (sources, binding.gyp, package.json) in
 * `workDir`, for prebuild-install or node-gyp to work in. The real package and
 * its Node build are only read.
 */
export function copyPackage(packageDir: string, workDir: string): string {
  const copy = join(workDir, basename(packageDir));
  cpSync(packageDir, copy, {
    recursive: true,
    filter: (source) => {
      const top = relative(packageDir, source).split(/[\\/]/)[0] ?? '';
      return !SKIPPED.has(top);
    },
  });
  return copy;
}
