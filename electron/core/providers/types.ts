import type { CoveragePrice } from '../../../shared/cost/types';
import type { AccountInfo } from '../../../shared/domain/account';
import type { BlacklistChannel, BlacklistEntry } from '../../../shared/domain/blacklist';
import type { Campaign, CampaignQuery, SendingEvent } from '../../../shared/domain/campaign';
import type { Capabilities, ProviderKind } from '../../../shared/domain/capabilities';
import type {
  Contact,
  ContactBook,
  ContactInput,
  ContactQuery,
  Tag,
} from '../../../shared/domain/contact';
import type { Conversation, ConversationMessage } from '../../../shared/domain/conversation';
import type { OutgoingBatch, OutgoingMessage, SendResult } from '../../../shared/domain/message';
import type { Page, PageRequest } from '../../../shared/domain/page';
import type { BatchReconciliation, LostRequest } from '../../../shared/domain/reconciliation';
import type { ScheduledMessage } from '../../../shared/domain/scheduled';
import type { MessageStatus } from '../../../shared/domain/status';

/** Every call can be cancelled. */
export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Called while the call is made, before it returns, with a promise that
   * settles once the request is fully written (or the call ended without
   * that): a caller with other work to do waits for it, so its work never
   * holds the request back (a new connection takes several turns of the
   * event loop to open). Not called by adapters that cannot tell.
   */
  whenWritten?: (written: Promise<void>) => void;
}

/** How an account reaches its provider; the secret comes from the vault. */
export interface AdapterConfig {
  provider: ProviderKind;
  baseUrl: string;
  /** 360nrs only (HTTP Basic user name). */
  username?: string;
  /** 360nrs API password, action secret key, address-book token or tags API key. */
  secret: string;
  /** Egress address to bind, so tests and the app can choose the source IP. */
  localAddress?: string;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxResponseBytes?: number;
  /**
   * Action API: local custom-field name -> the provider's custom-field id
   * (seed 000 line 5). Read at each call, so a change made by the CLI or the
   * Settings view applies to an adapter that is already open.
   */
  customFieldIds?: () => Readonly<Record<string, string>>;
}

/**
 * One interface for the four provider APIs. Callers check `capabilities`
 * first; a method whose capability is false throws ProviderError
 * (code 'unsupported', kind 'permanent'). Every failure is a ProviderError.
 */
export interface ProviderAdapter {
  readonly provider: ProviderKind;
  readonly capabilities: Capabilities;

  /** Proves the credentials (and, for 360nrs, the egress IP) work. */
  verify(opts?: CallOptions): Promise<void>;
  close(): Promise<void>;

  // Sending
  /** A batch sharing sender/text/encoding; `results[i]` answers `recipients[i]`. */
  sendBatch(batch: OutgoingBatch, opts?: CallOptions): Promise<SendResult>;
  /** Voice call reading `text` (action API). */
  sendCall(message: OutgoingMessage, opts?: CallOptions): Promise<SendResult>;
  getStatuses(messageIds: readonly string[], opts?: CallOptions): Promise<MessageStatus[]>;

  // Campaigns (reconciliation of lost answers)
  listCampaigns(query: CampaignQuery, opts?: CallOptions): Promise<Campaign[]>;
  getSendingEvents(
    sendingId: string,
    query?: { after?: string; customFields?: boolean },
    opts?: CallOptions,
  ): Promise<SendingEvent[]>;
  /**
   * What the provider did with a request whose answer was lost, found by its
   * campaign, its own tag and its rows' references: `recipients[i]` answers
   * `request.recipients[i]`.
   */
  reconcileBatch(request: LostRequest, opts?: CallOptions): Promise<BatchReconciliation>;

  // Contacts
  listContacts(query: ContactQuery & PageRequest, opts?: CallOptions): Promise<Page<Contact>>;
  getContact(id: string, opts?: CallOptions): Promise<Contact>;
  createContact(input: ContactInput, opts?: CallOptions): Promise<Contact>;
  updateContact(id: string, patch: ContactInput, opts?: CallOptions): Promise<Contact>;
  deleteContact(id: string, opts?: CallOptions): Promise<void>;
  addTags(contactId: string, tags: readonly Tag[], opts?: CallOptions): Promise<Tag[]>;
  removeTags(contactId: string, tags: readonly Tag[], opts?: CallOptions): Promise<Tag[]>;
  addToAutomation(contactId: string, automationId: string, opts?: CallOptions): Promise<void>;

  // Books / groups
  listBooks(page: PageRequest, opts?: CallOptions): Promise<Page<ContactBook>>;
  createBook(name: string, opts?: CallOptions): Promise<ContactBook>;
  renameBook(id: string, name: string, opts?: CallOptions): Promise<ContactBook>;
  deleteBook(id: string, opts?: CallOptions): Promise<void>;

  // Blacklist
  listBlacklist(
    channel: BlacklistChannel,
    query: PageRequest & { recipient?: string },
    opts?: CallOptions,
  ): Promise<Page<BlacklistEntry>>;
  addToBlacklist(
    channel: BlacklistChannel,
    recipient: string,
    opts?: CallOptions,
  ): Promise<BlacklistEntry>;
  removeFromBlacklist(
    channel: BlacklistChannel,
    recipient: string,
    opts?: CallOptions,
  ): Promise<void>;

  // Conversations
  listConversations(
    query: PageRequest & { from?: string; to?: string },
    opts?: CallOptions,
  ): Promise<Page<Conversation>>;
  getConversation(from: string, to: string, opts?: CallOptions): Promise<Conversation>;
  listConversationMessages(
    from: string,
    to: string,
    page: PageRequest,
    opts?: CallOptions,
  ): Promise<Page<ConversationMessage>>;
  sendConversationMessage(
    from: string,
    to: string,
    text: string,
    opts?: CallOptions,
  ): Promise<ConversationMessage | null>;
  /**
   * Sends an approved WhatsApp template to one person (360nrs POST /api/rest/whatsapp,
   * seed 003 line 1561); the provider's message id. A refusal throws.
   */
  sendWhatsAppTemplate(
    template: { templateId: number; from: string; to: string; bodyFields: readonly string[] },
    opts?: CallOptions,
  ): Promise<string>;

  // Scheduled messages
  listScheduled(
    query: { guids?: readonly string[]; sendingId?: string },
    opts?: CallOptions,
  ): Promise<ScheduledMessage[]>;
  /** Returns how many were moved. An empty `guids` is refused: the API would move ALL. */
  reschedule(guids: readonly string[], at: string, opts?: CallOptions): Promise<number>;
  /** Returns how many were deleted. An empty `guids` is refused: the API would delete ALL. */
  deleteScheduled(guids: readonly string[], opts?: CallOptions): Promise<number>;

  // Account
  getAccount(opts?: CallOptions): Promise<AccountInfo>;
  listCoverage(opts?: CallOptions): Promise<CoveragePrice[]>;
}
