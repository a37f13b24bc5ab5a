import type { Conversation, ConversationMessage } from '../../../../shared/domain/conversation';
import { getAccount } from '../../accounts/repository';
import type { Db } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import { eventsOf } from '../../events/sink';
import { isProviderError } from '../../providers/errors';
import type { CallOptions, ProviderAdapter } from '../../providers/types';
import { queueBlacklistPush } from '../../suppressions/blacklist-push';
import { createOptOutMatcher, type OptOutMatcher } from '../optout/keywords';
import { suppress } from '../suppression';

export interface ConversationSyncOptions extends CallOptions {
  now?: () => number;
  /** Default: the standard keywords. */
  matcher?: OptOutMatcher;
  /** Also put each new opt-out on the provider's SMS blacklist. Default false. */
  reportToProvider?: boolean;
  pageSize?: number;
  /** Bound on pages read per listing. Default 1000. */
  maxPages?: number;
}

export interface OptOut {
  phone: string;
  keyword: string;
  text: string;
}

export interface ConversationSyncReport {
  conversations: number;
  /** Conversations whose messages were fetched because something changed. */
  refreshed: number;
  newMessages: number;
  optOuts: OptOut[];
  /** Opt-outs the provider's blacklist refused (only with reportToProvider). */
  blacklistErrors: string[];
}

interface StoredConversation {
  id: number;
  remote_updated_at: string | null;
  total_messages: number;
}

/**
 * Brings the local conversation store up to date: every conversation, and
 * the new messages of those that changed (the provider lists messages newest
 * first, so reading stops at the first page holding a message we have). A
 * conversation's marker is only advanced together with its messages, in one
 * transaction, so an interrupted sync simply fetches again next time.
 * Every new inbound message that is an opt-out keyword suppresses its author.
 */
export async function syncConversations(
  db: Db,
  accountId: number,
  adapter: ProviderAdapter,
  options: ConversationSyncOptions = {},
): Promise<ConversationSyncReport> {
  const report: ConversationSyncReport = {
    conversations: 0,
    refreshed: 0,
    newMessages: 0,
    optOuts: [],
    blacklistErrors: [],
  };
  if (!adapter.capabilities.conversations) return report;
  const matcher = options.matcher ?? createOptOutMatcher();
  const call = options.signal ? { signal: options.signal } : {};
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 1000;
  for (let page = 1; page <= maxPages; page++) {
    const listing = await adapter.listConversations({ page, pageSize }, call);
    for (const conv of listing.items) {
      report.conversations++;
      const stored = storedConversation(db, accountId, conv);
      if (
        stored &&
        stored.remote_updated_at === conv.updatedAt &&
        stored.total_messages === conv.totalMessages
      ) {
        continue;
      }
      const fresh = await newMessages(
        db,
        adapter,
        conv,
        stored?.id ?? null,
        pageSize,
        maxPages,
        call,
      );
      const optOuts = save(db, accountId, conv, fresh, matcher, options.now?.() ?? Date.now());
      report.refreshed++;
      report.newMessages += fresh.length;
      report.optOuts.push(...optOuts);
    }
    if (!listing.hasMore || listing.items.length === 0) break;
  }
  if (options.reportToProvider && adapter.capabilities.blacklist) {
    await reportOptOuts(adapter, report, call);
  }
  return report;
}

function storedConversation(
  db: Db,
  accountId: number,
  c: Conversation,
): StoredConversation | undefined {
  return db
    .prepare(
      `SELECT id, remote_updated_at, total_messages FROM conversations
       WHERE account_id = ? AND sender = ? AND person = ?`,
    )
    .get(accountId, c.from, c.to) as StoredConversation | undefined;
}

async function newMessages(
  db: Db,
  adapter: ProviderAdapter,
  conv: Conversation,
  localId: number | null,
  pageSize: number,
  maxPages: number,
  call: CallOptions,
): Promise<ConversationMessage[]> {
  const known =
    localId === null
      ? () => false
      : (() => {
          const stmt = db
            .prepare(
              'SELECT 1 FROM conversation_messages WHERE conversation_id = ? AND remote_id = ?',
            )
            .pluck();
          return (id: string) => stmt.get(localId, id) !== undefined;
        })();
  const out: ConversationMessage[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const listing = await adapter.listConversationMessages(
      conv.from,
      conv.to,
      { page, pageSize },
      call,
    );
    let reachedKnown = false;
    for (const m of listing.items) {
      if (known(m.id)) reachedKnown = true;
      else out.push(m);
    }
    if (reachedKnown || !listing.hasMore || listing.items.length === 0) break;
  }
  return out;
}

function save(
  db: Db,
  accountId: number,
  conv: Conversation,
  messages: ConversationMessage[],
  matcher: OptOutMatcher,
  now: number,
): OptOut[] {
  return writeTransaction(db, () => {
    const { provider } = getAccount(db, accountId);
    const conversationId = upsertConversation(db, accountId, conv, now);
    const insert = db.prepare(
      `INSERT INTO conversation_messages
         (conversation_id, remote_id, direction, type, text, sent_at, delivered_at, read_at, failed_at, at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (conversation_id, remote_id) DO UPDATE SET
         delivered_at = excluded.delivered_at, read_at = excluded.read_at, failed_at = excluded.failed_at`,
    );
    const optOuts: OptOut[] = [];
    for (const m of messages) {
      if (m.direction === 'outbound' && adoptLocal(db, conversationId, m)) continue;
      const at = m.sentAt ? Date.parse(m.sentAt) : Number.NaN;
      insert.run(
        conversationId,
        m.id,
        m.direction,
        m.type,
        m.text,
        m.sentAt,
        m.deliveredAt,
        m.readAt,
        m.failedAt,
        Number.isFinite(at) ? at : now,
      );
      if (m.direction !== 'inbound') continue;
      eventsOf(db).inbound({
        accountId,
        channel: 'whatsapp',
        from: conv.to,
        preview: m.text.slice(0, 140),
        conversationId: String(conversationId),
      });
      const keyword = matcher.match(m.text);
      if (keyword === null) continue;
      const added = suppress(
        db,
        accountId,
        conv.to,
        'opt-out-keyword',
        `Replied "${m.text.trim()}" on WhatsApp`,
        now,
      );
      // The opt-out reaches the provider's blacklist too, whenever it can be reached.
      if (added) queueBlacklistPush(db, accountId, provider, conv.to, 'add', now);
      optOuts.push({ phone: conv.to, keyword, text: m.text });
    }
    return optOuts;
  });
}

/**
 * Our own reply, written here before it was sent, seen now at the provider:
 * the row written here takes the provider's id (and delivery times) instead of
 * a second copy. A reply whose answer was lost is found this way too.
 */
function adoptLocal(db: Db, conversationId: number, m: ConversationMessage): boolean {
  return (
    db
      .prepare(
        `UPDATE conversation_messages SET remote_id = @remoteId, local_state = 'sent', error_text = NULL,
           delivered_at = @deliveredAt, read_at = @readAt, failed_at = @failedAt
         WHERE id = (SELECT id FROM conversation_messages
                     WHERE conversation_id = @conversationId AND direction = 'outbound'
                       AND remote_id LIKE 'local:%' AND local_state IN ('sending', 'sent', 'unknown')
                       AND text = @text
                     ORDER BY id LIMIT 1)
           AND NOT EXISTS (SELECT 1 FROM conversation_messages
                           WHERE conversation_id = @conversationId AND remote_id = @remoteId)`,
      )
      .run({
        remoteId: m.id,
        conversationId,
        text: m.text,
        deliveredAt: m.deliveredAt,
        readAt: m.readAt,
        failedAt: m.failedAt,
      }).changes > 0
  );
}

function upsertConversation(db: Db, accountId: number, c: Conversation, now: number): number {
  return db
    .prepare(
      `INSERT INTO conversations (account_id, sender, person, status, session_active, session_expires_at,
         contact_name, total_messages, remote_updated_at, synced_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, sender, person) DO UPDATE SET
         status = excluded.status, session_active = excluded.session_active,
         session_expires_at = excluded.session_expires_at, contact_name = excluded.contact_name,
         total_messages = excluded.total_messages, remote_updated_at = excluded.remote_updated_at,
         synced_at = excluded.synced_at
       RETURNING id`,
    )
    .pluck()
    .get(
      accountId,
      c.from,
      c.to,
      c.status,
      c.sessionActive ? 1 : 0,
      c.sessionExpiresAt,
      c.contactName,
      c.totalMessages,
      c.updatedAt,
      now,
    ) as number;
}

async function reportOptOuts(
  adapter: ProviderAdapter,
  report: ConversationSyncReport,
  call: CallOptions,
): Promise<void> {
  for (const o of report.optOuts) {
    try {
      await adapter.addToBlacklist('sms', o.phone, call);
    } catch (error) {
      if (!isProviderError(error)) throw error;
      report.blacklistErrors.push(`${o.phone}: ${error.message}`);
    }
  }
}

/** Imports the provider's SMS blacklist into the suppression list (numbers the provider will refuse anyway). */
export async function syncBlacklist(
  db: Db,
  accountId: number,
  adapter: ProviderAdapter,
  options: CallOptions & { now?: () => number; maxPages?: number } = {},
): Promise<{ added: number; seen: number }> {
  const result = { added: 0, seen: 0 };
  if (!adapter.capabilities.blacklist) return result;
  const call = options.signal ? { signal: options.signal } : {};
  for (let page = 1; page <= (options.maxPages ?? 1000); page++) {
    const listing = await adapter.listBlacklist('sms', { page, pageSize: 1000 }, call);
    const now = options.now?.() ?? Date.now();
    writeTransaction(db, () => {
      for (const e of listing.items) {
        result.seen++;
        const detail = e.campaignName
          ? `On the provider's blacklist (campaign ${e.campaignName})`
          : "On the provider's blacklist";
        if (suppress(db, accountId, e.recipient, 'provider-blacklist', detail, now)) result.added++;
      }
    });
    if (!listing.hasMore || listing.items.length === 0) break;
  }
  return result;
}

export interface StoredConversationMessage {
  remoteId: string;
  direction: 'inbound' | 'outbound';
  type: string;
  text: string;
  sentAt: string | null;
  readAt: string | null;
}

/** A conversation's messages, oldest first, for the conversation view. */
export function conversationMessages(
  db: Db,
  accountId: number,
  sender: string,
  person: string,
): StoredConversationMessage[] {
  return db
    .prepare(
      `SELECT m.remote_id AS remoteId, m.direction, m.type, m.text, m.sent_at AS sentAt, m.read_at AS readAt
       FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE c.account_id = ? AND c.sender = ? AND c.person = ?
       ORDER BY m.sent_at, m.id`,
    )
    .all(accountId, sender, person) as StoredConversationMessage[];
}
