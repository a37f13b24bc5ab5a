import { join } from 'node:path';

/**
 * In the packaged app better-sqlite3 must load the addon built for Electron's
 * ABI, which electron-builder leaves unpacked beside app.asar. In development
 * (plain `npm start`) the default lookup is used.
 */
export function nativeBindingPath(isPackaged: boolean): string | undefined {
  if (!isPackaged) return undefined;
  return join(
    process.resourcesPath,
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
}
