/** A two-way (WhatsApp) conversation between our sender and a person. */
export interface Conversation {
  /** Our sender number. */
  from: string;
  /** The person's number. */
  to: string;
  totalMessages: number;
  status: string;
  /** Free-form replies are only possible while the provider's 24 h session is active. */
  sessionActive: boolean;
  sessionExpiresAt: string | null;
  contactName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConversationMessage {
  id: string;
  /** inbound = written by the person; outbound = by us. */
  direction: 'inbound' | 'outbound';
  type: string;
  text: string;
  reactions: string[];
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  failedAt: string | null;
}
