import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { logProblem } from '../log';
import type { AdapterFor } from '../outbox/reconcile';
import { isProviderError } from '../providers/errors';
import { refuseIfSuppressed, SuppressedError } from '../suppressions/refusal';
import { listWhatsAppTemplates, renderTemplate, templateFieldCount } from './templates';
import { parseThreadKey, whatsAppThreadKey } from './thread-key';
import { SENDING_STALE_MS } from './thread-page';

/**
 * WhatsApp replies and templates, as safe as an SMS: the message is written
 * here ('sending') before the request, so a quit or crash loses nothing; it is
 * settled by its own row id, so it is never sent twice by us; a refusal or a
 * lost answer is kept with its sentence for the person (Retry / Drop). A
 * lost answer is first looked for in the conversation before any resend.
 */
export class WhatsAppSendError extends Error {}

export type WhatsAppOutgoing =
  | { kind: 'text'; text: string }
  | { kind: 'template'; templateId: number; fields: readonly string[] };

interface ConversationRow {
  id: number;
  accountId: number;
  sender: string;
  person: string;
  sessionExpiresAt: string | null;
}

function conversationOf(db: Db, key: string): ConversationRow {
  const ref = parseThreadKey(key);
  if (ref.channel !== 'whatsapp')
    throw new WhatsAppSendError('This is an SMS thread: reply through the outbox.');
  const row = db
    .prepare(
      `SELECT id, account_id AS accountId, sender, person, session_expires_at AS sessionExpiresAt
       FROM conversations WHERE id = ?`,
    )
    .get(ref.conversationId) as ConversationRow | undefined;
  if (!row) throw new WhatsAppSendError('This conversation is no longer here.');
  return row;
}

export const SESSION_ENDED =
  'The WhatsApp session has ended (more than 24 hours since their last message): only an approved template can be sent until they write again.';

/** What the person will receive, checked against the session and the template list. */
function contentOf(db: Db, conv: ConversationRow, out: WhatsAppOutgoing, now: number) {
  if (out.kind === 'text') {
    if (out.text.trim() === '') throw new WhatsAppSendError('Write a message first.');
    const expires = conv.sessionExpiresAt ? Date.parse(conv.sessionExpiresAt) : Number.NaN;
    if (!(now < expires)) throw new WhatsAppSendError(SESSION_ENDED);
    return { type: 'text', text: out.text, templateId: null };
  }
  const template = listWhatsAppTemplates(db, conv.accountId).find(
    (t) => t.templateId === out.templateId,
  );
  if (!template)
    throw new WhatsAppSendError(`Template ${out.templateId} is not in this account's list.`);
  const needed = templateFieldCount(template.body);
  const missing = Array.from({ length: needed }, (_, i) => i).filter(
    (i) => (out.fields[i] ?? '').trim() === '',
  );
  if (missing.length > 0)
    throw new WhatsAppSendError(
      `Template "${template.name}" needs field ${missing.map((i) => `{{${i + 1}}}`).join(', ')}.`,
    );
  return {
    type: 'template',
    text: renderTemplate(template.body, out.fields),
    templateId: template.templateId,
    fields: out.fields.slice(0, needed),
  };
}

/** Writes the message ('sending') in one transaction, before any request; returns its row id. */
export function saveWhatsAppMessage(
  db: Db,
  key: string,
  out: WhatsAppOutgoing,
  now = Date.now(),
): number {
  const id = writeTransaction(db, () => {
    const conv = conversationOf(db, key);
    refuseIfSuppressed(db, conv.accountId, conv.person);
    const content = contentOf(db, conv, out, now);
    return db
      .prepare(
        `INSERT INTO conversation_messages (conversation_id, remote_id, direction, type, text, sent_at,
           at_ms, local_state, template_id, template_fields, attempted_at)
         VALUES (?, ?, 'outbound', ?, ?, ?, ?, 'sending', ?, ?, ?) RETURNING id`,
      )
      .pluck()
      .get(
        conv.id,
        `local:${randomUUID()}`,
        content.type,
        content.text,
        new Date(now).toISOString(),
        now,
        content.templateId,
        content.templateId === null ? null : JSON.stringify(content.fields ?? []),
        now,
      ) as number;
  });
  changed(db, key);
  return id;
}

interface OutgoingRow {
  id: number;
  conversationId: number;
  type: string;
  text: string;
  templateId: number | null;
  templateFields: string | null;
  localState: string | null;
  attemptedAt: number | null;
  remoteId: string;
}

function rowOf(db: Db, id: number): OutgoingRow {
  const row = db
    .prepare(
      `SELECT id, conversation_id AS conversationId, type, text, template_id AS templateId,
         template_fields AS templateFields, local_state AS localState, attempted_at AS attemptedAt,
         remote_id AS remoteId
       FROM conversation_messages WHERE id = ?`,
    )
    .get(id) as OutgoingRow | undefined;
  if (!row) throw new WhatsAppSendError('This message is no longer here.');
  return row;
}

function changed(db: Db, key: string): void {
  eventsOf(db).emit('conversations.changed', { threadKey: key });
}

/**
 * Sends a saved row. Only a row in 'sending' is sent, and only by the caller
 * that put it there (save or retry), so a double click sends once.
 */
export async function dispatchWhatsApp(db: Db, adapterFor: AdapterFor, id: number): Promise<void> {
  const row = rowOf(db, id);
  // Settled (sent, failed, unknown) rows are never sent from here: only Retry puts one back.
  if (row.localState !== 'sending') return;
  const conv = db
    .prepare('SELECT account_id AS accountId, sender, person FROM conversations WHERE id = ?')
    .get(row.conversationId) as { accountId: number; sender: string; person: string };
  const key = whatsAppThreadKey(row.conversationId);
  try {
    const adapter = adapterFor(conv.accountId);
    let remoteId: string | null;
    if (row.templateId !== null) {
      const fields = row.templateFields ? (JSON.parse(row.templateFields) as string[]) : [];
      remoteId = await adapter.sendWhatsAppTemplate({
        templateId: row.templateId,
        from: conv.sender,
        to: conv.person,
        bodyFields: fields,
      });
    } else {
      remoteId =
        (await adapter.sendConversationMessage(conv.sender, conv.person, row.text))?.id ?? null;
    }
    settleSent(db, row, remoteId);
  } catch (error) {
    if (isProviderError(error) && error.kind === 'unknown-outcome') {
      settle(
        db,
        id,
        'unknown',
        `${error.message} It may or may not have arrived: retry it (it may arrive twice) or drop it.`,
      );
    } else if (isProviderError(error)) {
      settle(db, id, 'failed', error.message);
    } else {
      logProblem('a WhatsApp message could not be sent', error);
      settle(db, id, 'failed', error instanceof Error ? error.message : String(error));
    }
  }
  changed(db, key);
}

function settle(db: Db, id: number, state: 'failed' | 'unknown', sentence: string): void {
  db.prepare(
    `UPDATE conversation_messages SET local_state = ?, error_text = ?
     WHERE id = ? AND local_state = 'sending'`,
  ).run(state, sentence, id);
}

function settleSent(db: Db, row: OutgoingRow, remoteId: string | null): void {
  writeTransaction(db, () => {
    if (remoteId !== null) {
      // A sync that ran meanwhile may already hold the provider's copy: ours is the one kept.
      db.prepare(
        'DELETE FROM conversation_messages WHERE conversation_id = ? AND remote_id = ? AND id <> ?',
      ).run(row.conversationId, remoteId, row.id);
    }
    db.prepare(
      `UPDATE conversation_messages SET local_state = 'sent', error_text = NULL,
         remote_id = COALESCE(?, remote_id)
       WHERE id = ? AND local_state = 'sending'`,
    ).run(remoteId, row.id);
  });
}

/** Save, then send: the reply of `inbox.reply` / `inbox.sendTemplate`. */
export async function sendWhatsApp(
  db: Db,
  adapterFor: AdapterFor,
  key: string,
  out: WhatsAppOutgoing,
  now = Date.now(),
): Promise<{ ok: true; id: number } | { ok: false; message: string }> {
  let id: number;
  try {
    id = saveWhatsAppMessage(db, key, out, now);
  } catch (error) {
    if (error instanceof WhatsAppSendError || error instanceof SuppressedError)
      return { ok: false, message: error.message };
    throw error;
  }
  await dispatchWhatsApp(db, adapterFor, id);
  return { ok: true, id };
}

function retryable(row: OutgoingRow, now: number): boolean {
  if (row.localState === 'failed' || row.localState === 'unknown') return true;
  return row.localState === 'sending' && now - (row.attemptedAt ?? 0) > SENDING_STALE_MS;
}

/**
 * The person's Retry. A message whose outcome is unknown is first looked for
 * in the conversation (the provider lists what it sent): found, it is marked
 * sent and not sent again.
 */
export async function retryWhatsApp(
  db: Db,
  adapterFor: AdapterFor,
  id: number,
  now = Date.now(),
): Promise<{ ok: true } | { ok: false; message: string }> {
  const row = rowOf(db, id);
  if (!retryable(row, now))
    return {
      ok: false,
      message: 'Only a message that failed or whose outcome is unknown can be retried.',
    };
  const conv = db
    .prepare('SELECT account_id AS accountId, sender, person FROM conversations WHERE id = ?')
    .get(row.conversationId) as { accountId: number; sender: string; person: string };
  const suppressed = (() => {
    try {
      refuseIfSuppressed(db, conv.accountId, conv.person);
      return null;
    } catch (error) {
      if (error instanceof SuppressedError) return error.message;
      throw error;
    }
  })();
  if (suppressed) return { ok: false, message: suppressed };
  if (row.localState !== 'failed') {
    const found = await foundAtProvider(adapterFor, conv, row).catch(() => null);
    if (found) {
      db.prepare(
        `UPDATE conversation_messages SET local_state = 'sent', error_text = NULL, remote_id = ?
         WHERE id = ? AND local_state = ?`,
      ).run(found, id, row.localState);
      changed(db, whatsAppThreadKey(row.conversationId));
      return { ok: true };
    }
  }
  const claimed = db
    .prepare(
      `UPDATE conversation_messages SET local_state = 'sending', attempted_at = ?, error_text = NULL
       WHERE id = ? AND local_state = ? AND COALESCE(attempted_at, 0) = ?`,
    )
    .run(now, id, row.localState, row.attemptedAt ?? 0).changes;
  // Someone else (another window, the CLI) took it meanwhile.
  if (claimed === 0) return { ok: false, message: 'This message is already being sent.' };
  changed(db, whatsAppThreadKey(row.conversationId));
  await dispatchWhatsApp(db, adapterFor, id);
  return { ok: true };
}

/** The provider's id of our message if the conversation's newest page shows it. */
async function foundAtProvider(
  adapterFor: AdapterFor,
  conv: { accountId: number; sender: string; person: string },
  row: OutgoingRow,
): Promise<string | null> {
  const page = await adapterFor(conv.accountId).listConversationMessages(
    conv.sender,
    conv.person,
    { page: 1, pageSize: 100 },
    { signal: AbortSignal.timeout(10_000) },
  );
  const since = (row.attemptedAt ?? 0) - 60_000;
  const match = page.items.find(
    (m) =>
      m.direction === 'outbound' &&
      m.text === row.text &&
      (m.sentAt === null || Date.parse(m.sentAt) >= since),
  );
  return match?.id ?? null;
}

/** The person's Drop: the message is removed; only one that failed or whose outcome is unknown. */
export function dropWhatsApp(
  db: Db,
  id: number,
  now = Date.now(),
): { ok: true } | { ok: false; message: string } {
  const row = rowOf(db, id);
  if (!retryable(row, now))
    return {
      ok: false,
      message: 'Only a message that failed or whose outcome is unknown can be dropped.',
    };
  db.prepare('DELETE FROM conversation_messages WHERE id = ? AND local_state = ?').run(
    id,
    row.localState,
  );
  changed(db, whatsAppThreadKey(row.conversationId));
  return { ok: true };
}
