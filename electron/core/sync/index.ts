/** The sync API the app's service layer and the CLI call. */
export {
  type ContactConflict,
  listConflicts,
  resolveConflict,
} from './contacts/conflicts';
export { createContactOffline, deleteContactOffline, editContact } from './contacts/edit';
export type { ContactPatch, NewContact } from './contacts/model';
export { listPendingChanges, type PendingChange } from './contacts/pending';
export { type PullProgress, type PullReport, pullContacts } from './contacts/pull';
export { type PushReport, pushPendingChanges, retryChange } from './contacts/push';
export {
  type ContactSummary,
  countContacts,
  listContacts,
  searchContacts,
} from './contacts/search';
export { type ContactSyncReport, syncContacts } from './contacts/sync';
export {
  type ConversationSyncReport,
  conversationMessages,
  syncBlacklist,
  syncConversations,
} from './conversations/sync';
export { type LoopResult, pollUntilSettled } from './delivery/loop';
export {
  type AdapterFor,
  deliveryEventsOf,
  type PollReport,
  pollDeliveries,
} from './delivery/poller';
export { createOptOutMatcher, isOptOut, OPT_OUT_KEYWORDS } from './optout/keywords';
export {
  isSuppressed,
  listSuppressions,
  loadSuppressions,
  suppress,
  unsuppress,
} from './suppression';
