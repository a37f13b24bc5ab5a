import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run web` serves the built renderer; it builds it (the whole
 * electron-vite build, a few seconds) only when there is none, or when
 * asked with --build, so the e2e suite and repeated starts share one build.
 * The build's own output goes to stderr: stdout carries only the URL line.
 */
export function ensureRendererBuilt(root: string, force: boolean): string {
  const dir = join(root, 'out', 'renderer');
  if (!force && existsSync(join(dir, 'index.html'))) return dir;
  const bin = join(root, 'node_modules', '.bin', 'electron-vite');
  const run = spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (run.status !== 0 || !existsSync(join(dir, 'index.html')))
    throw new Error('The renderer did not build (see the messages above).');
  return dir;
}
