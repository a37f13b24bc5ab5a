import type { z } from 'zod';
import { CHANNEL_NAMES, type ChannelName } from './channel-names';
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
  BulkAnalyzeReply,
  BulkAnalyzeRequest,
  BulkCancelReply,
  BulkCancelRequest,
  BulkRejectedRequest,
  BulkSniffReply,
  BulkSniffRequest,
  BulkStartReply,
  BulkStartRequest,
  DownloadReply,
} from './schemas/bulk';
import {
  ComposePricingReply,
  ComposePricingRequest,
  ComposeResolveReply,
  ComposeResolveRequest,
  ComposeSendReply,
  ComposeSendRequest,
} from './schemas/compose';
import {
  ContactsSearchReply,
  ContactsSearchRequest,
  ContactsSyncReply,
  ContactsSyncRequest,
} from './schemas/contacts';
import {
  ContactsImportCancelReply,
  ContactsImportCancelRequest,
  ContactsImportCheckReply,
  ContactsImportCheckRequest,
  ContactsImportRunReply,
  ContactsImportRunRequest,
  ContactsImportSkippedReply,
  ContactsImportSkippedRequest,
} from './schemas/contacts-import';
import {
  ContactDetailReply,
  ContactIdRequest,
  ContactsAbilitiesReply,
  ContactsBulkReply,
  ContactsBulkRequest,
  ContactsCreateRequest,
  ContactsDeleteReply,
  ContactsDeleteRequest,
  ContactsEditReply,
  ContactsGroupsReply,
  ContactsGroupsRequest,
  ContactsPageReply,
  ContactsPageRequest,
  ContactsResolveReply,
  ContactsResolveRequest,
  ContactsUndoReply,
  ContactsUndoRequest,
  ContactsUpdateRequest,
} from './schemas/contacts-manage';
import {
  DraftRemoveReply,
  DraftRemoveRequest,
  DraftSaveRequest,
  DraftsListReply,
  DraftView,
} from './schemas/drafts';
import {
  FilesDiscardReply,
  FilesDiscardRequest,
  FilesReadReply,
  FilesReadRequest,
  FilesStageReply,
  FilesStageRequest,
} from './schemas/files';
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
  JobControlReply,
  JobControlRequest,
  JobDetailReply,
  JobExportReply,
  JobProviderReply,
  JobRequest,
  JobsListReply,
} from './schemas/jobs';
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
import {
  ReportsPricesReply,
  ReportsPricesRequest,
  ReportsSummaryReply,
  ReportsSummaryRequest,
} from './schemas/reports';
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
 * request and of its reply. Main validates with it; the renderer's types come
 * from it; the preload and the web bridge use only its names (channel-names.ts,
 * which must list exactly these keys). Adding a channel starts in both.
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
  // Contacts view (h11b): books/tags, pages, edits, conflicts, import.
  'contacts.groups': { request: ContactsGroupsRequest, reply: ContactsGroupsReply },
  'contacts.page': { request: ContactsPageRequest, reply: ContactsPageReply },
  'contacts.get': { request: ContactIdRequest, reply: ContactDetailReply },
  'contacts.abilities': { request: ContactsGroupsRequest, reply: ContactsAbilitiesReply },
  'contacts.create': { request: ContactsCreateRequest, reply: ContactsEditReply },
  'contacts.update': { request: ContactsUpdateRequest, reply: ContactsEditReply },
  'contacts.delete': { request: ContactsDeleteRequest, reply: ContactsDeleteReply },
  'contacts.undoDelete': { request: ContactsUndoRequest, reply: ContactsUndoReply },
  'contacts.bulk': { request: ContactsBulkRequest, reply: ContactsBulkReply },
  'contacts.resolveConflict': { request: ContactsResolveRequest, reply: ContactsResolveReply },
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
  // Compose to many (issue 11): the audience, its cost, the send as one job, and the drafts.
  'compose.resolve': { request: ComposeResolveRequest, reply: ComposeResolveReply },
  'compose.pricing': { request: ComposePricingRequest, reply: ComposePricingReply },
  'compose.send': { request: ComposeSendRequest, reply: ComposeSendReply },
  'drafts.list': { request: NoRequest, reply: DraftsListReply },
  'drafts.save': { request: DraftSaveRequest, reply: DraftView },
  'drafts.remove': { request: DraftRemoveRequest, reply: DraftRemoveReply },
  'files.stage': { request: FilesStageRequest, reply: FilesStageReply },
  'files.discard': { request: FilesDiscardRequest, reply: FilesDiscardReply },
  'files.read': { request: FilesReadRequest, reply: FilesReadReply },
  'bulk.sniff': { request: BulkSniffRequest, reply: BulkSniffReply },
  'bulk.analyze': { request: BulkAnalyzeRequest, reply: BulkAnalyzeReply },
  'bulk.cancel': { request: BulkCancelRequest, reply: BulkCancelReply },
  'bulk.rejected': { request: BulkRejectedRequest, reply: DownloadReply },
  'bulk.start': { request: BulkStartRequest, reply: BulkStartReply },
  // Contacts import from CSV into a book (issue 11): check everything first, then write, with cancel.
  'contactsImport.check': { request: ContactsImportCheckRequest, reply: ContactsImportCheckReply },
  'contactsImport.run': { request: ContactsImportRunRequest, reply: ContactsImportRunReply },
  'contactsImport.cancel': {
    request: ContactsImportCancelRequest,
    reply: ContactsImportCancelReply,
  },
  'contactsImport.skipped': {
    request: ContactsImportSkippedRequest,
    reply: ContactsImportSkippedReply,
  },
  'jobs.list': { request: NoRequest, reply: JobsListReply },
  'jobs.get': { request: JobRequest, reply: JobDetailReply },
  'jobs.provider': { request: JobRequest, reply: JobProviderReply },
  'jobs.control': { request: JobControlRequest, reply: JobControlReply },
  'jobs.export': { request: JobRequest, reply: JobExportReply },
  'reports.summary': { request: ReportsSummaryRequest, reply: ReportsSummaryReply },
  'reports.refreshPrices': { request: ReportsPricesRequest, reply: ReportsPricesReply },
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
} as const satisfies Record<ChannelName, { request: z.ZodType; reply: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ReplyOf<C extends Channel> = z.output<Contract[C]['reply']>;

/** In the order of channel-names.ts, the same names as the contract's keys. */
export const channels: readonly Channel[] = CHANNEL_NAMES;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
