import type { CoveragePrice } from '../../../shared/cost/types';
import type { AccountInfo } from '../../../shared/domain/account';
import type { BlacklistEntry } from '../../../shared/domain/blacklist';
import type { Campaign, SendingEvent } from '../../../shared/domain/campaign';
import type { Capabilities, ProviderKind } from '../../../shared/domain/capabilities';
import type { Contact, ContactBook, Tag } from '../../../shared/domain/contact';
import type { Conversation, ConversationMessage } from '../../../shared/domain/conversation';
import type { SendResult } from '../../../shared/domain/message';
import type { Page } from '../../../shared/domain/page';
import type { BatchReconciliation } from '../../../shared/domain/reconciliation';
import type { ScheduledMessage } from '../../../shared/domain/scheduled';
import type { MessageStatus } from '../../../shared/domain/status';
import { unsupported } from './errors';
import type { HttpClient } from './http';
import type { ProviderAdapter } from './types';

type Args<K extends keyof ProviderAdapter> = ProviderAdapter[K] extends (...a: infer A) => unknown
  ? A
  : never;

/**
 * Every method refuses with 'unsupported'; each adapter overrides what its
 * API offers and lists it in `capabilities`.
 */
export abstract class BaseAdapter implements ProviderAdapter {
  abstract readonly provider: ProviderKind;
  abstract readonly capabilities: Capabilities;
  protected abstract readonly http: HttpClient;
  protected abstract readonly displayName: string;

  abstract verify(): Promise<void>;

  close(): Promise<void> {
    return this.http.close();
  }

  private refuse(what: string): Promise<never> {
    return Promise.reject(unsupported(this.displayName, what));
  }

  sendBatch(..._: Args<'sendBatch'>): Promise<SendResult> {
    return this.refuse('send SMS');
  }
  sendCall(..._: Args<'sendCall'>): Promise<SendResult> {
    return this.refuse('place voice calls');
  }
  getStatuses(..._: Args<'getStatuses'>): Promise<MessageStatus[]> {
    return this.refuse('report delivery status');
  }
  listCampaigns(..._: Args<'listCampaigns'>): Promise<Campaign[]> {
    return this.refuse('list campaigns');
  }
  getSendingEvents(..._: Args<'getSendingEvents'>): Promise<SendingEvent[]> {
    return this.refuse('report sending events');
  }
  reconcileBatch(..._: Args<'reconcileBatch'>): Promise<BatchReconciliation> {
    return this.refuse('look up what a lost send did');
  }
  listContacts(..._: Args<'listContacts'>): Promise<Page<Contact>> {
    return this.refuse('list contacts');
  }
  getContact(..._: Args<'getContact'>): Promise<Contact> {
    return this.refuse('show a contact');
  }
  createContact(..._: Args<'createContact'>): Promise<Contact> {
    return this.refuse('create contacts');
  }
  updateContact(..._: Args<'updateContact'>): Promise<Contact> {
    return this.refuse('edit contacts');
  }
  deleteContact(..._: Args<'deleteContact'>): Promise<void> {
    return this.refuse('delete contacts');
  }
  addTags(..._: Args<'addTags'>): Promise<Tag[]> {
    return this.refuse('tag contacts');
  }
  removeTags(..._: Args<'removeTags'>): Promise<Tag[]> {
    return this.refuse('untag contacts');
  }
  addToAutomation(..._: Args<'addToAutomation'>): Promise<void> {
    return this.refuse('add contacts to automations');
  }
  listBooks(..._: Args<'listBooks'>): Promise<Page<ContactBook>> {
    return this.refuse('list contact books');
  }
  createBook(..._: Args<'createBook'>): Promise<ContactBook> {
    return this.refuse('create contact books');
  }
  renameBook(..._: Args<'renameBook'>): Promise<ContactBook> {
    return this.refuse('rename contact books');
  }
  deleteBook(..._: Args<'deleteBook'>): Promise<void> {
    return this.refuse('delete contact books');
  }
  listBlacklist(..._: Args<'listBlacklist'>): Promise<Page<BlacklistEntry>> {
    return this.refuse('list the blacklist');
  }
  addToBlacklist(..._: Args<'addToBlacklist'>): Promise<BlacklistEntry> {
    return this.refuse('add to the blacklist');
  }
  removeFromBlacklist(..._: Args<'removeFromBlacklist'>): Promise<void> {
    return this.refuse('remove from the blacklist');
  }
  listConversations(..._: Args<'listConversations'>): Promise<Page<Conversation>> {
    return this.refuse('list conversations');
  }
  getConversation(..._: Args<'getConversation'>): Promise<Conversation> {
    return this.refuse('show conversations');
  }
  listConversationMessages(
    ..._: Args<'listConversationMessages'>
  ): Promise<Page<ConversationMessage>> {
    return this.refuse('list conversation messages');
  }
  sendConversationMessage(
    ..._: Args<'sendConversationMessage'>
  ): Promise<ConversationMessage | null> {
    return this.refuse('reply in conversations');
  }
  sendWhatsAppTemplate(..._: Args<'sendWhatsAppTemplate'>): Promise<string> {
    return this.refuse('send WhatsApp templates');
  }
  listScheduled(..._: Args<'listScheduled'>): Promise<ScheduledMessage[]> {
    return this.refuse('list scheduled messages');
  }
  reschedule(..._: Args<'reschedule'>): Promise<number> {
    return this.refuse('reschedule messages');
  }
  deleteScheduled(..._: Args<'deleteScheduled'>): Promise<number> {
    return this.refuse('delete scheduled messages');
  }
  getAccount(..._: Args<'getAccount'>): Promise<AccountInfo> {
    return this.refuse('show account details');
  }
  listCoverage(..._: Args<'listCoverage'>): Promise<CoveragePrice[]> {
    return this.refuse('list coverage prices');
  }
}
