import type { Conversation, ConversationMessage } from '../../../../shared/domain/conversation';
import type {
  WhatsAppConversation,
  WhatsAppMessage,
} from '../../../../shared/providers/nrs/whatsapp';

export function mapConversation(c: WhatsAppConversation): Conversation {
  const person = c.contact?.data;
  const name = [person?.firstName, person?.lastName].filter(Boolean).join(' ');
  return {
    from: c.from,
    to: c.to,
    totalMessages: c.totalMessages,
    status: c.status,
    sessionActive: c.isSessionActive,
    sessionExpiresAt: c.sessionExpiresAt,
    contactName: name === '' ? null : name,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** `msisdn` names the author (seed 003 line 2211 vs 2222): the person's number means inbound. */
export function mapConversationMessage(
  m: WhatsAppMessage,
  personNumber: string,
): ConversationMessage {
  return {
    id: m.id,
    direction: m.msisdn === personNumber ? 'inbound' : 'outbound',
    type: m.type,
    text: m.content,
    reactions: m.reactions,
    sentAt: m.sentAt,
    deliveredAt: m.deliveredAt,
    readAt: m.readAt,
    failedAt: m.failedAt,
  };
}
