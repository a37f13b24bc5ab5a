import type { CoreContext } from '../context';
import { schemaVersion } from '../db/migrate';
import type { HandlersFor } from './handler-table';

export function appHandlers(
  core: CoreContext,
): HandlersFor<'app.info' | 'app.revealLogs' | 'app.secretStorage'> {
  return {
    'app.info': () => ({
      name: core.appName,
      version: core.version,
      dataDir: core.dataDir,
      schemaVersion: schemaVersion(core.db),
    }),
    'app.revealLogs': () => {
      const folder = core.shell.logFolder();
      return { folder, shown: folder !== null && core.shell.revealLogs() };
    },
    'app.secretStorage': () => core.shell.secretStorage(),
  };
}
