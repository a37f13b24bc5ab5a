/** The states a person sees for one recipient's message. */
export const MESSAGE_STATES = [
  'queued',
  'sending',
  'accepted',
  'delivered',
  'failed',
  'unknown',
  'cancelled',
] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/** States that never change again (delivery tracking moves accepted on). */
export const FINAL_STATES: readonly MessageState[] = ['delivered', 'failed', 'cancelled'];

/** The outbox's own error codes, beside the provider's. */
export const OUTBOX_CODES = {
  gaveUp: 'gave-up',
  crashed: 'crashed-in-flight',
  unreconcilable: 'unreconcilable',
  cancelled: 'cancelled',
} as const;
