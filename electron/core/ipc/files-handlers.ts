import type { CoreContext } from '../context';
import type { HandlersFor } from './handler-table';

/** Staging a person's file in chunks (`renderer/src/lib/stage-file.ts` is the caller). */
export function filesHandlers(core: CoreContext): HandlersFor<'files.stage' | 'files.discard'> {
  return {
    'files.stage': (request) => core.staging.write(request),
    'files.discard': ({ token }) => ({ discarded: core.staging.discard(token) }),
  };
}
