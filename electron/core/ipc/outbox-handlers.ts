import type { CoreContext } from '../context';
import { ComposeError, prepareSingleMessage } from '../outbox/compose';
import { cancelMessage, OutboxControlError, retryMessage } from '../outbox/control';
import { enqueueMessages } from '../outbox/enqueue';
import { listMessages } from '../outbox/list';
import { outboxStatus } from '../outbox/status';
import { refuseIfSuppressed, SuppressedError } from '../suppressions/refusal';
import type { HandlersFor } from './handler-table';

type OutboxChannels =
  | 'outbox.status'
  | 'outbox.list'
  | 'outbox.send'
  | 'outbox.retry'
  | 'outbox.cancel';

/** Runs a control action, turning a refusal ("it is being sent right now") into an answer. */
function control(core: CoreContext, action: () => void) {
  try {
    action();
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
        const message = prepareSingleMessage({
          accountId: request.accountId,
          to: request.to,
          from: request.from,
          text: request.text,
          encoding: request.encoding,
          maxParts: request.maxParts,
          scheduledFor: request.at ?? null,
          ...(request.defaultCountry ? { defaultCountry: request.defaultCountry } : {}),
        });
        refuseIfSuppressed(core.db, request.accountId, message.recipient);
        const [id = 0] = enqueueMessages(core.db, [message]);
        core.outbox.wake();
        return { ok: true, id, segments: message.segments, encoding: message.encoding };
      } catch (error) {
        if (error instanceof ComposeError || error instanceof SuppressedError)
          return { ok: false, field: error.field, message: error.message };
        throw error;
      }
    },
    'outbox.retry': ({ id }) => control(core, () => retryMessage(core.db, id)),
    'outbox.cancel': ({ id }) => control(core, () => cancelMessage(core.db, id)),
  };
}
