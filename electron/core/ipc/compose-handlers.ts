import { fetchPricing } from '../bulk/pricing';
import { planCompose } from '../compose/plan';
import { AudienceError, resolveAudience } from '../compose/resolve';
import { queueComposeSend } from '../compose/send';
import type { CoreContext } from '../context';
import { ComposeError } from '../outbox/compose';
import { SuppressedError } from '../suppressions/refusal';
import type { HandlersFor } from './handler-table';

type ComposeChannels = 'compose.resolve' | 'compose.pricing' | 'compose.send';

/** Compose to many: who the recipients are, what it costs, and the send as one job. */
export function composeHandlers(core: CoreContext): HandlersFor<ComposeChannels> {
  return {
    'compose.resolve': (request) => {
      try {
        const audience = resolveAudience(core.db, request);
        const plan =
          request.text === ''
            ? null
            : planCompose(audience, {
                template: request.text,
                encoding: request.encoding,
                maxParts: request.maxParts,
                sendAt: request.at ?? null,
                marketing: request.marketing,
              });
        return {
          ok: true,
          ...audience,
          check: {
            // Invalid and suppressed recipients are shown on their chips; the check names the rest.
            leftOut: (plan?.leftOut ?? []).filter(
              (l) => l.code !== 'invalid' && l.code !== 'suppressed',
            ),
            deferred: plan?.deferred ?? [],
            warnings: plan?.warnings ?? [],
            templateProblems: plan?.templateProblems ?? [],
          },
        };
      } catch (error) {
        if (error instanceof AudienceError) return { ok: false, message: error.message };
        throw error;
      }
    },
    'compose.pricing': async ({ accountId }) => {
      const adapter = core.adapters.get(accountId);
      const pricing = await fetchPricing(adapter);
      return {
        schedulesAtProvider: adapter.capabilities.scheduleSend,
        prices: pricing.prices ?? [],
        currency: pricing.currency,
        balance: pricing.balance,
        note: pricing.note,
      };
    },
    'compose.send': (request) => {
      try {
        const { at, ...rest } = request;
        const result = queueComposeSend(core.db, { ...rest, at: at ?? null });
        core.outbox.wake();
        return { ok: true, ...result };
      } catch (error) {
        if (error instanceof ComposeError || error instanceof SuppressedError)
          return { ok: false, field: error.field, message: error.message };
        if (error instanceof AudienceError)
          return { ok: false, field: 'to', message: error.message };
        throw error;
      }
    },
  };
}
