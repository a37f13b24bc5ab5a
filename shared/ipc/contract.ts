import type { z } from 'zod';
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
  ContactsSearchReply,
  ContactsSearchRequest,
  ContactsSyncReply,
  ContactsSyncRequest,
} from './schemas/contacts';
import {
  ControlReply,
  MessageRequest,
  OutboxListReply,
  OutboxListRequest,
  OutboxStatusReply,
  SendReply,
  SendRequest,
} from './schemas/outbox';
import { Preferences, SettingsSetRequest } from './schemas/settings';
import {
  AppInfoReply,
  DbHealthReply,
  NoRequest,
  RevealLogsReply,
  SecretStorageReply,
} from './schemas/system';

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
  'outbox.status': { request: NoRequest, reply: OutboxStatusReply },
  'outbox.list': { request: OutboxListRequest, reply: OutboxListReply },
  'outbox.send': { request: SendRequest, reply: SendReply },
  'outbox.retry': { request: MessageRequest, reply: ControlReply },
  'outbox.cancel': { request: MessageRequest, reply: ControlReply },
  'contacts.search': { request: ContactsSearchRequest, reply: ContactsSearchReply },
  'contacts.sync': { request: ContactsSyncRequest, reply: ContactsSyncReply },
  'settings.get': { request: NoRequest, reply: Preferences },
  'settings.set': { request: SettingsSetRequest, reply: Preferences },
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
