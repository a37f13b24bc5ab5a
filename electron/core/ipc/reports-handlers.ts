import { getAccount } from '../accounts/repository';
import type { CoreContext } from '../context';
import { capabilitiesOf } from '../providers/registry';
import { refreshPrices } from '../reports/prices';
import { reportSummary } from '../reports/summary';
import type { HandlersFor } from './handler-table';

type Channels = 'reports.summary' | 'reports.refreshPrices';

function failure(error: unknown) {
  return { ok: false as const, message: error instanceof Error ? error.message : String(error) };
}

/** The Reports view: figures from local data, and the price list kept for spend. */
export function reportsHandlers(core: CoreContext): HandlersFor<Channels> {
  return {
    'reports.summary': (request) => {
      try {
        const account = getAccount(core.db, request.accountId);
        const summary = reportSummary(core.db, request);
        return { ...summary, pricesAvailable: capabilitiesOf(account.provider).coverage };
      } catch (error) {
        return failure(error);
      }
    },
    'reports.refreshPrices': async ({ accountId }) => {
      try {
        getAccount(core.db, accountId);
        const kept = await refreshPrices(core.db, accountId, core.adapters.get(accountId), {
          signal: AbortSignal.timeout(15_000),
        });
        return { ok: true as const, ...kept };
      } catch (error) {
        return failure(error);
      }
    },
  };
}
