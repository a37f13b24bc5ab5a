import type { ParsedRequestOf } from '../../../shared/ipc/contract';
import { type BulkOptions, fetchPricing, suppressionLookup } from '../bulk';
import type { CoreContext } from '../context';
import { syncBlacklist } from '../sync';
import type { FileReadOptions } from './runs';

type AnalyzeRequest = ParsedRequestOf<'bulk.analyze'>;

/** The sniff overrides of a request, without the undefined ones (exactOptionalPropertyTypes). */
export function fileReadOptions(request: FileReadOptions): FileReadOptions {
  return {
    ...(request.encoding ? { encoding: request.encoding } : {}),
    ...(request.delimiter ? { delimiter: request.delimiter } : {}),
    ...(request.header !== undefined ? { header: request.header } : {}),
    ...(request.phoneColumn ? { phoneColumn: request.phoneColumn } : {}),
    ...(request.defaultCountry ? { defaultCountry: request.defaultCountry } : {}),
  };
}

/**
 * Price list, balance and a fresh provider blacklist, as the CLI's bulk does;
 * offline they become a note in the report, never an error.
 */
async function accountFacts(core: CoreContext, accountId: number) {
  try {
    const adapter = core.adapters.get(accountId);
    const [, pricing] = await Promise.all([
      syncBlacklist(core.db, accountId, adapter, {
        signal: AbortSignal.timeout(8_000),
        maxPages: 50,
      }).catch(() => undefined),
      fetchPricing(adapter),
    ]);
    return pricing;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      prices: null,
      currency: null,
      balance: null,
      note: `The cost was not estimated: ${why}`,
    };
  }
}

/** The bulk core's options for a wizard request on a staged file. */
export async function bulkOptions(
  core: CoreContext,
  request: AnalyzeRequest,
  extra: Pick<BulkOptions, 'onProgress' | 'signal' | 'keepRows'>,
): Promise<BulkOptions> {
  const file = core.staging.file(request.file);
  const facts = await accountFacts(core, request.accountId);
  return {
    ...fileReadOptions(request),
    csvPath: file.path,
    template: request.template,
    messageEncoding: request.messageEncoding,
    maxParts: request.maxParts,
    marketing: request.marketing,
    ...(request.at !== undefined ? { sendAt: new Date(request.at) } : {}),
    suppressed: suppressionLookup(core.db, request.accountId),
    prices: facts.prices,
    balance: facts.balance,
    costNote: facts.note,
    ...(facts.currency ? { currency: facts.currency } : {}),
    // Main's event loop must keep answering the window (and the outbox) while a big file is
    // checked: by the warm sliced pool, whose workers the analysis and then the start share.
    offMainThread: true,
    ...extra,
  };
}
