import { scheduleSentence } from '../../../shared/domain/message-state';
import type { CoreContext } from '../context';
import { ComposeError } from '../outbox/compose';
import { cancelMessage, OutboxControlError, retryMessage } from '../outbox/control';
import { listMessages } from '../outbox/list';
import { cancelAtProvider, rescheduleMessage } from '../outbox/schedule';
import { queueSingleSend } from '../outbox/single-send';
import { outboxStatus } from '../outbox/status';
import { SuppressedError } from '../suppressions/refusal';
import type { HandlersFor } from './handler-table';

type OutboxChannels =
  | 'outbox.status'
  | 'outbox.list'
  | 'outbox.send'
  | 'outbox.retry'
  | 'outbox.cancel'
  | 'outbox.reschedule';

/** Runs a control action, turning a refusal ("it is being sent right now") into an answer. */
async function control(core: CoreContext, action: () => unknown) {
  try {
    await action();
    core.outbox.wake();
    return { ok: true as const };
  } catch (error) {
    if (error instanceof OutboxControlError) return { ok: false as const, message: error.message };
    throw error;
  }
}

export function outboxHandlers(core: CoreContext): HandlersFor<OutboxChannels> {
  return {
    'outbox.status': () => outboxStatus(core.db),
    'outbox.list': (query) => listMessages(core.db, query),
    'outbox.send': (request) => {
      try {
        const queued = queueSingleSend(core.db, {
          accountId: request.accountId,
          to: request.to,
          from: request.from,
          text: request.text,
          encoding: request.encoding,
          maxParts: request.maxParts,
          at: request.at ?? null,
          ...(request.defaultCountry ? { defaultCountry: request.defaultCountry } : {}),
          ...(request.validFor !== undefined ? { validFor: request.validFor } : {}),
          ...(request.expires !== undefined ? { expires: request.expires } : {}),
          ...(request.campaign !== undefined ? { campaign: request.campaign } : {}),
        });
        core.outbox.wake();
        return {
          ok: true,
          id: queued.id,
          segments: queued.segments,
          encoding: queued.encoding,
          campaign: queued.campaign,
          expiresAt: queued.expiresAt,
          schedule: queued.schedule,
        };
      } catch (error) {
        if (error instanceof ComposeError || error instanceof SuppressedError)
          return { ok: false, field: error.field, message: error.message };
        throw error;
      }
    },
    'outbox.retry': ({ id }) => control(core, () => retryMessage(core.db, id)),
    // Held at the provider: deleted there first; otherwise cancelled here.
    'outbox.cancel': ({ id }) =>
      control(core, async () => {
        if (!(await cancelAtProvider(core.db, core.adapters.get, id))) cancelMessage(core.db, id);
      }),
    'outbox.reschedule': async ({ id, at }) => {
      try {
        const moved = await rescheduleMessage(core.db, core.adapters.get, id, at);
        core.outbox.wake();
        return {
          ok: true,
          id,
          schedule: { mode: moved.mode, at: moved.at, sentence: scheduleSentence(moved.mode, at) },
        };
      } catch (error) {
        if (error instanceof OutboxControlError) return { ok: false, message: error.message };
        throw error;
      }
    },
  };
}
