import { analyzeStaged, sniffStaged } from '../bulk-wizard/analyze';
import { writeRejectedCsv } from '../bulk-wizard/rejected-csv';
import { BulkRuns } from '../bulk-wizard/runs';
import { startStaged } from '../bulk-wizard/start';
import type { CoreContext } from '../context';
import type { HandlersFor } from './handler-table';

type BulkChannels = 'bulk.sniff' | 'bulk.analyze' | 'bulk.cancel' | 'bulk.rejected' | 'bulk.start';

/** The CSV wizard (`electron/core/bulk-wizard/`): sniff, analyse, download rejected rows, confirm. */
export function bulkHandlers(core: CoreContext, runs = new BulkRuns()): HandlersFor<BulkChannels> {
  return {
    'bulk.sniff': (request) => sniffStaged(core, request),
    'bulk.analyze': (request) => analyzeStaged(core, runs, request),
    'bulk.cancel': ({ runId }) => ({ cancelled: runs.cancel(runId) }),
    'bulk.rejected': async ({ runId }) => {
      const analysis = runs.get(runId);
      if (!analysis)
        return {
          ok: false,
          message: 'That check is no longer available here; check the file again.',
        };
      try {
        return { ok: true, ...(await writeRejectedCsv(core.staging, analysis)) };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
    'bulk.start': (request) => startStaged(core, runs, request),
  };
}
