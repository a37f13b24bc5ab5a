/**
 * Delivery state of one message at the provider. Final states never change:
 * delivered, undelivered, rejected, expired.
 */
export type DeliveryStatus =
  | 'accepted'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'rejected'
  | 'expired'
  | 'unknown';

export const FINAL_DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'delivered',
  'undelivered',
  'rejected',
  'expired',
];

export function isFinalDeliveryStatus(s: DeliveryStatus): boolean {
  return FINAL_DELIVERY_STATUSES.includes(s);
}

export interface DeliveryEvent {
  /** Provider's event name, lower case (sent, delivered, undelivered, clicked, ...). */
  type: string;
  at: string;
}

export interface MessageStatus {
  messageId: string;
  from: string;
  to: string;
  text: string;
  status: DeliveryStatus;
  final: boolean;
  events: DeliveryEvent[];
  campaignId: string | null;
  sendingId: string | null;
}
