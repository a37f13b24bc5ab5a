import { statSync } from 'node:fs';
import type { CoreContext } from '../context';
import type { Db } from '../db/connection';
import { describeConnection } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { HandlersFor } from './handler-table';

/** Row counts of the user's own tables; FTS virtual tables and their shadow tables are left out. */
function tableCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM pragma_table_list
       WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
       ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = Number(db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get());
  }
  return counts;
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export function dbHandlers(core: CoreContext): HandlersFor<'db.health'> {
  return {
    'db.health': () => {
      const db = core.db;
      const connection = describeConnection(db);
      return {
        file: core.databaseFile,
        journalMode: connection.journalMode,
        synchronous: connection.synchronous,
        foreignKeys: connection.foreignKeys,
        schemaVersion: schemaVersion(db),
        latestSchemaVersion: LATEST_SCHEMA_VERSION,
        sqliteVersion: String(db.prepare('SELECT sqlite_version()').pluck().get()),
        sizeBytes: fileSize(core.databaseFile),
        counts: tableCounts(db),
      };
    },
  };
}
