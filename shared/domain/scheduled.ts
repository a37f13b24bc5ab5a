import type { MessageEncoding } from './message';

/** A message waiting at the provider for its scheduled time. */
export interface ScheduledMessage {
  guid: string;
  channel: 'sms' | 'mailing';
  sendingId: string | null;
  scheduledAt: string;
  updatedAt: string;
  /** Only when the provider shows it (360nrs: when one message is asked for). */
  content: {
    to: string;
    from: string;
    text: string;
    encoding: MessageEncoding | null;
  } | null;
}
