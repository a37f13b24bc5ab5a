import type { CoreContext } from '../context';
import { readPreferences, writePreferences } from '../settings/preferences';
import type { HandlersFor } from './handler-table';

export function settingsHandlers(core: CoreContext): HandlersFor<'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => readPreferences(core.db),
    'settings.set': (patch) => writePreferences(core.db, patch),
  };
}
