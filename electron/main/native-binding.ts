import { join } from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3 lives, relative to the app
 * folder. `scripts/electron-binding` writes it there in a checkout, and
 * electron-builder copies it to the same place under app.asar.unpacked (an
 * addon cannot be loaded from inside the asar archive). The Node build in
 * node_modules/better-sqlite3/build stays for the tests and the CLI.
 */
export const ELECTRON_BINDING_DIR = ['node_modules', '.outpost-electron'] as const;
export const ELECTRON_BINDING_FILE = 'better_sqlite3.node';

/** The command that makes that build on its own (`npm start` runs it first). */
export const BINDING_STEP_COMMAND = 'npx tsx scripts/electron-binding/main.ts';

/** The two facts of Electron's `app` that decide where the binding is. */
export interface AppLocation {
  isPackaged: boolean;
  getAppPath(): string;
}

/** The addon the main process hands to better-sqlite3's nativeBinding option. */
export function nativeBindingPath(
  app: AppLocation,
  resourcesPath: string = process.resourcesPath,
): string {
  const root = app.isPackaged ? join(resourcesPath, 'app.asar.unpacked') : app.getAppPath();
  return join(root, ...ELECTRON_BINDING_DIR, ELECTRON_BINDING_FILE);
}
