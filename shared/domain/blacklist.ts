export type BlacklistChannel = 'sms' | 'mailing' | 'voice';

export interface BlacklistEntry {
  channel: BlacklistChannel;
  recipient: string;
  /** Definitive entries cannot be removed by the customer. */
  definitive: boolean;
  sendingId: string | null;
  campaignName: string | null;
  createdAt: string;
}
