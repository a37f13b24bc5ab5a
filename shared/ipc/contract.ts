import type { z } from 'zod';
import {
  AccountBalanceReply,
  AccountBalanceRequest,
  AccountBooksGetRequest,
  AccountBooksReply,
  AccountBooksSetRequest,
  AccountFieldsGetRequest,
  AccountFieldsReply,
  AccountFieldsSetRequest,
} from './schemas/account-settings';
import {
  AccountAddReply,
  AccountAddRequest,
  AccountRemoveReply,
  AccountRequest,
  AccountsListReply,
  AccountTestReply,
  ResumeReply,
} from './schemas/accounts';
import {
  BackupCreateReply,
  BackupRestoreReply,
  BackupRestoreRequest,
  BackupsListReply,
} from './schemas/backups';
import {
  ContactsSearchReply,
  ContactsSearchRequest,
  ContactsSyncReply,
  ContactsSyncRequest,
} from './schemas/contacts';
import {
  InboxMessagesReply,
  InboxMessagesRequest,
  InboxOkReply,
  InboxReplyRequest,
  InboxSendReply,
  InboxSetTemplatesReply,
  InboxSetTemplatesRequest,
  InboxTemplateRequest,
  InboxTemplatesReply,
  InboxTemplatesRequest,
  InboxThreadRequest,
  InboxThreadsReply,
  InboxThreadsRequest,
  InboxWhatsAppRequest,
} from './schemas/inbox';
import {
  ControlReply,
  MessageRequest,
  OutboxListReply,
  OutboxListRequest,
  OutboxStatusReply,
  RescheduleReply,
  RescheduleRequest,
  SendReply,
  SendRequest,
} from './schemas/outbox';
import { Preferences, SettingsSetRequest } from './schemas/settings';
import {
  SuppressionsAddRequest,
  SuppressionsChangeReply,
  SuppressionsListReply,
  SuppressionsListRequest,
  SuppressionsRemoveRequest,
} from './schemas/suppressions';
import {
  AppInfoReply,
  DbHealthReply,
  NoRequest,
  RevealLogsReply,
  SecretStorageReply,
} from './schemas/system';
import { VaultChooseReply, VaultChooseRequest, VaultStatusReply } from './schemas/vault';

/**
 * The IPC contract: every channel the renderer may call, with the schema of its
 * request and of its reply. Preload, main, the test bridge and the renderer's
 * types are all derived from this one object; adding a channel starts here.
 */
export const contract = {
  'app.info': { request: NoRequest, reply: AppInfoReply },
  'app.revealLogs': { request: NoRequest, reply: RevealLogsReply },
  'app.secretStorage': { request: NoRequest, reply: SecretStorageReply },
  'db.health': { request: NoRequest, reply: DbHealthReply },
  'accounts.list': { request: NoRequest, reply: AccountsListReply },
  'accounts.add': { request: AccountAddRequest, reply: AccountAddReply },
  'accounts.pause': { request: AccountRequest, reply: ResumeReply },
  'accounts.resume': { request: AccountRequest, reply: ResumeReply },
  'accounts.remove': { request: AccountRequest, reply: AccountRemoveReply },
  'accounts.test': { request: AccountRequest, reply: AccountTestReply },
  'accounts.getFields': { request: AccountFieldsGetRequest, reply: AccountFieldsReply },
  'accounts.setFields': { request: AccountFieldsSetRequest, reply: AccountFieldsReply },
  'accounts.getBooks': { request: AccountBooksGetRequest, reply: AccountBooksReply },
  'accounts.setBooks': { request: AccountBooksSetRequest, reply: AccountBooksReply },
  'accounts.balance': { request: AccountBalanceRequest, reply: AccountBalanceReply },
  'outbox.status': { request: NoRequest, reply: OutboxStatusReply },
  'outbox.list': { request: OutboxListRequest, reply: OutboxListReply },
  'outbox.send': { request: SendRequest, reply: SendReply },
  'outbox.retry': { request: MessageRequest, reply: ControlReply },
  'outbox.cancel': { request: MessageRequest, reply: ControlReply },
  'outbox.reschedule': { request: RescheduleRequest, reply: RescheduleReply },
  'contacts.search': { request: ContactsSearchRequest, reply: ContactsSearchReply },
  'contacts.sync': { request: ContactsSyncRequest, reply: ContactsSyncReply },
  'backups.list': { request: NoRequest, reply: BackupsListReply },
  'backups.create': { request: NoRequest, reply: BackupCreateReply },
  'backups.restore': { request: BackupRestoreRequest, reply: BackupRestoreReply },
  'vault.status': { request: NoRequest, reply: VaultStatusReply },
  'vault.choose': { request: VaultChooseRequest, reply: VaultChooseReply },
  'settings.get': { request: NoRequest, reply: Preferences },
  'settings.set': { request: SettingsSetRequest, reply: Preferences },
  'suppressions.list': { request: SuppressionsListRequest, reply: SuppressionsListReply },
  'suppressions.add': { request: SuppressionsAddRequest, reply: SuppressionsChangeReply },
  'suppressions.remove': { request: SuppressionsRemoveRequest, reply: SuppressionsChangeReply },
  'inbox.threads': { request: InboxThreadsRequest, reply: InboxThreadsReply },
  'inbox.messages': { request: InboxMessagesRequest, reply: InboxMessagesReply },
  'inbox.markRead': { request: InboxThreadRequest, reply: InboxOkReply },
  'inbox.reply': { request: InboxReplyRequest, reply: InboxSendReply },
  'inbox.sendTemplate': { request: InboxTemplateRequest, reply: InboxSendReply },
  'inbox.retry': { request: InboxWhatsAppRequest, reply: InboxOkReply },
  'inbox.drop': { request: InboxWhatsAppRequest, reply: InboxOkReply },
  'inbox.refresh': { request: NoRequest, reply: InboxOkReply },
  'inbox.templates': { request: InboxTemplatesRequest, reply: InboxTemplatesReply },
  'inbox.setTemplates': { request: InboxSetTemplatesRequest, reply: InboxSetTemplatesReply },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ReplyOf<C extends Channel> = z.output<Contract[C]['reply']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
