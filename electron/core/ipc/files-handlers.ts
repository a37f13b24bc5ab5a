import type { CoreContext } from '../context';
import { StagedFileError } from '../files/staging';
import type { HandlersFor } from './handler-table';

/** Staging a person's file in chunks (`renderer/src/lib/stage-file.ts` is the caller). */
export function filesHandlers(
  core: CoreContext,
): HandlersFor<'files.stage' | 'files.discard' | 'files.read'> {
  return {
    'files.stage': (request) => core.staging.write(request),
    'files.read': ({ token, offset }) => {
      try {
        return { ok: true, ...core.staging.read(token, offset) };
      } catch (error) {
        if (error instanceof StagedFileError) return { ok: false, message: error.message };
        throw error;
      }
    },
    'files.discard': ({ token }) => ({ discarded: core.staging.discard(token) }),
  };
}
