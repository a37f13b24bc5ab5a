/** The states a person sees for one recipient's message in the outbox. */
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
