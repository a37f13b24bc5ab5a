import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Node build of better-sqlite3's native addon, by path. Left to itself,
 * better-sqlite3 finds it through the `bindings` package, which tries a dozen
 * locations and builds error stacks to learn its caller's folder: tens of
 * milliseconds on every start of a command that opens the database.
 * Undefined (so better-sqlite3 searches as usual) when that build is not there.
 */
export function sqliteAddonPath(): string | undefined {
  try {
    const pkg = createRequire(__filename).resolve('better-sqlite3/package.json');
    const addon = join(dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
    return existsSync(addon) ? addon : undefined;
  } catch {
    return undefined;
  }
}
