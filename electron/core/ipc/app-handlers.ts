import type { CoreContext } from '../context';
import { schemaVersion } from '../db/migrate';
import type { HandlersFor } from './handler-table';

export function appHandlers(core: CoreContext): HandlersFor<'app.info'> {
  return {
    'app.info': () => ({
      name: core.appName,
      version: core.version,
      dataDir: core.dataDir,
      schemaVersion: schemaVersion(core.db),
    }),
  };
}
