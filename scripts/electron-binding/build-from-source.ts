import type { Command } from './run-command';
import type { BindingTarget } from './target';

/** Electron publishes its Node headers here, under the same layout as Node's. */
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/**
 * node-gyp compiles the copy of better-sqlite3 against Electron's headers (it
 * downloads them into `devDir` once). @electron/rebuild would do the same through
 * node-gyp, but its current release needs Node 22 and the previous one installs
 * a fork of node-gyp from a git URL.
 */
export function buildFromSourceCommand(
  tool: { node: string; nodeGyp: string },
  packageDir: string,
  target: BindingTarget,
  devDir: string,
  env: NodeJS.ProcessEnv,
): Command {
  return {
    program: tool.node,
    args: [
      tool.nodeGyp,
      'rebuild',
      '--release',
      '--jobs=max',
      `--target=${target.electron}`,
      `--arch=${target.arch}`,
      `--dist-url=${ELECTRON_HEADERS_URL}`,
      `--devdir=${devDir}`,
    ],
    cwd: packageDir,
    env,
  };
}
