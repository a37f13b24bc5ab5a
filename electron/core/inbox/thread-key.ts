import { phoneKey } from '../sync/phone-key';

/**
 * A thread is one account and one number on SMS (`sms:<account>:<digits>`),
 * or one WhatsApp conversation (`wa:<conversation id>`). The key names it in
 * IPC, in the read state and in the renderer's selection.
 */
export type ThreadRef =
  | { channel: 'sms'; accountId: number; number: string }
  | { channel: 'whatsapp'; conversationId: number };

export function smsThreadKey(accountId: number, number: string): string {
  return `sms:${accountId}:${phoneKey(number)}`;
}

export function whatsAppThreadKey(conversationId: number): string {
  return `wa:${conversationId}`;
}

export class ThreadKeyError extends Error {}

export function parseThreadKey(key: string): ThreadRef {
  const sms = /^sms:(\d+):(\d{3,20})$/.exec(key);
  if (sms) return { channel: 'sms', accountId: Number(sms[1]), number: sms[2] as string };
  const wa = /^wa:(\d+)$/.exec(key);
  if (wa) return { channel: 'whatsapp', conversationId: Number(wa[1]) };
  throw new ThreadKeyError(`"${key}" does not name a conversation.`);
}
