import type { Command } from './run-command';
import type { BindingTarget } from './target';

/**
 * prebuild-install downloads the binary better-sqlite3 publishes for this
 * Electron release into `packageDir/build/Release`. It is only ever run in a
 * copy of the package, never in node_modules/better-sqlite3.
 */
export function fetchPrebuiltCommand(
  tool: { node: string; prebuildInstall: string },
  packageDir: string,
  target: BindingTarget,
  env: NodeJS.ProcessEnv,
): Command {
  return {
    program: tool.node,
    args: [
      tool.prebuildInstall,
      '--runtime',
      'electron',
      '--target',
      target.electron,
      '--arch',
      target.arch,
      '--platform',
      target.platform,
      '--verbose',
    ],
    cwd: packageDir,
    env,
  };
}
