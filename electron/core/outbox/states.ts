import { MESSAGE_STATES, type MessageState } from '../../../shared/domain/message-state';

export { MESSAGE_STATES, type MessageState };

/** The outbox's own error codes, beside the provider's. */
export const OUTBOX_CODES = {
  gaveUp: 'gave-up',
  crashed: 'crashed-in-flight',
  unreconcilable: 'unreconcilable',
  cancelled: 'cancelled',
} as const;
