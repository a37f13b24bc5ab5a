import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Outpost';
export const DATABASE_FILE = 'outpost.sqlite';

/**
 * The folder Electron's app.getPath('userData') gives for this product, so the
 * CLI finds the app's database without importing electron. OUTPOST_DATA_DIR wins.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.OUTPOST_DATA_DIR) return env.OUTPOST_DATA_DIR;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
