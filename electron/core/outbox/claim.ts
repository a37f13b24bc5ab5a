import { randomUUID } from 'node:crypto';
import type { MessageEncoding } from '../../../shared/domain/message';
import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { fieldsFrom } from './fields';
import { notHeld, sendable } from './rules';

export interface ClaimedRow {
  id: number;
  recipient: string;
  fields: Record<string, string>;
  /** The text as this recipient reads it, for providers that cannot fill merge fields. */
  body: string;
}

/** One provider request's worth of messages, leased to one worker. */
export interface Claim {
  token: string;
  accountId: number;
  sender: string;
  encoding: MessageEncoding;
  template: string;
  maxParts: number;
  /**
   * A tag unique to this request (sent in `tags`, kept as the rows' request_name):
   * how a lost answer is told apart from the other requests of its campaign.
   */
  requestName: string;
  /** The provider's campaign the request is counted in (the job's name, or "Outpost"). */
  campaignName: string | null;
  /** scheduleDate to send (ms), when the provider holds the schedule and its time is ahead. */
  scheduleAt: number | null;
  /** expirationDate to send (ms). */
  expiresAt: number | null;
  rows: ClaimedRow[];
}

export interface ClaimOptions {
  owner: string;
  now: number;
  leaseMs: number;
  batchSize: number;
  accountId?: number | null;
  /** Accounts to leave alone for now (e.g. their network is down). */
  skipAccounts?: readonly number[];
  /**
   * Also mark the rows dispatched (one attempt each), in the same statement:
   * for a caller that writes the request as soon as this commits. What
   * markDispatched checks (held back meanwhile) cannot have changed inside
   * this transaction, so it is the same as claiming then marking, with one
   * pass over the rows instead of three.
   */
  dispatch?: boolean;
}

const SENDABLE = sendable('m', { due: true });

interface StoredRow {
  id: number;
  recipient: string;
  field_values: string | null;
  /** A row written by hand without a template keeps its fields as before. */
  fields: string | null;
  body: string;
}

interface HeadRow {
  account_id: number;
  sender: string;
  encoding: MessageEncoding;
  template_id: number | null;
  /** Set only on a row written by hand without a template (see migration 010). */
  own_template: string | null;
  template: string;
  field_names: string;
  max_parts: number;
  campaign_name: string | null;
  schedule_at: number | null;
  expires_at: number | null;
}

/**
 * The scheduleDate a row goes out with: its time, when the provider holds the
 * schedule and the time is still ahead. A time already past (the network came
 * back late) goes out at once, and is marked late when settled.
 */
const SCHEDULE_AT = `(CASE WHEN m.schedule_mode = 'provider' AND m.scheduled_for > @now
  THEN m.scheduled_for END)`;

/** A tag unique to this request, recognisable as Outpost's on the provider's dashboard. */
function newRequestName(now: number): string {
  return `outpost-${now.toString(36)}-${randomUUID().slice(0, 8)}`;
}

/**
 * Leases the next batch in one IMMEDIATE transaction: the oldest due message,
 * and up to batchSize-1 more due messages that can share its request (same
 * account, sender, encoding, template, part limit, campaign, validity and
 * scheduleDate: 360nrs takes those once per request). Two processes on one
 * data folder can never lease the same row.
 */
export function claimBatch(db: Db, options: ClaimOptions): Claim | null {
  const params = {
    now: options.now,
    account: options.accountId ?? null,
    skip: JSON.stringify(options.skipAccounts ?? []),
  };
  const head = prepareOnce(
    db,
    `SELECT m.account_id, m.sender, m.encoding, m.template_id, m.template AS own_template,
       coalesce(t.text, m.template) AS template, coalesce(t.field_names, '[]') AS field_names,
       m.max_parts, m.campaign_name, m.expires_at, ${SCHEDULE_AT} AS schedule_at
     FROM messages m LEFT JOIN message_templates t ON t.id = m.template_id
     WHERE ${SENDABLE} ORDER BY m.not_before, m.id LIMIT 1`,
  );
  // `+m.account_id` keeps the planner on messages_due (walked in the order wanted,
  // stopping at the limit): on the (account_id, recipient) index it reads every
  // message the account ever had, sent ones too, and sorts them, at every claim.
  const batch = prepareOnce(
    db,
    `SELECT id, recipient, field_values, fields, body FROM messages m
     WHERE ${SENDABLE} AND +m.account_id = @acc AND m.sender = @sender AND m.encoding = @encoding
       AND m.template_id IS @templateId AND m.template IS @ownTemplate AND m.max_parts = @maxParts
       AND m.campaign_name IS @campaign AND m.expires_at IS @expires AND ${SCHEDULE_AT} IS @scheduleAt
     ORDER BY m.not_before, m.id LIMIT @limit`,
  );
  const lease = prepareOnce(
    db,
    `UPDATE messages SET state = 'sending', lease_owner = @owner, lease_token = @token,
       lease_expires_at = @expires, dispatched_at = CASE WHEN @dispatch = 1 THEN @now END,
       attempts = attempts + @dispatch, request_name = @requestName, updated_at = @now
     WHERE id IN (SELECT value FROM json_each(@ids)) AND state = 'queued'`,
  );

  return writeTransaction(db, () => {
    const first = head.get(params) as HeadRow | undefined;
    if (!first) return null;
    const rows = batch.all({
      ...params,
      acc: first.account_id,
      sender: first.sender,
      encoding: first.encoding,
      templateId: first.template_id,
      ownTemplate: first.own_template,
      maxParts: first.max_parts,
      campaign: first.campaign_name,
      expires: first.expires_at,
      scheduleAt: first.schedule_at,
      limit: options.batchSize,
    }) as StoredRow[];
    const names = JSON.parse(first.field_names) as string[];
    const claim: Claim = {
      token: randomUUID(),
      accountId: first.account_id,
      sender: first.sender,
      encoding: first.encoding,
      template: first.template,
      maxParts: first.max_parts,
      requestName: newRequestName(options.now),
      campaignName: first.campaign_name,
      scheduleAt: first.schedule_at,
      expiresAt: first.expires_at,
      rows: rows.map((r) => ({
        id: r.id,
        recipient: r.recipient,
        body: r.body,
        fields:
          r.fields !== null
            ? (JSON.parse(r.fields) as Record<string, string>)
            : fieldsFrom(names, r.field_values),
      })),
    };
    lease.run({
      owner: options.owner,
      token: claim.token,
      expires: options.now + options.leaseMs,
      requestName: claim.requestName,
      now: options.now,
      dispatch: options.dispatch ? 1 : 0,
      ids: JSON.stringify(claim.rows.map((r) => r.id)),
    });
    eventsOf(db).outboxChanged(claim.rows.map((r) => r.id));
    return claim;
  });
}

/**
 * The last step before the request is written: rows still leased by this
 * claim, whose account and job were not paused or cancelled meanwhile, are
 * marked dispatched (a crash from here on means "outcome unknown") and count
 * one attempt; the others are handed back without using an attempt.
 */
export function markDispatched(db: Db, claim: Claim, now: number): ClaimedRow[] {
  return writeTransaction(db, () => {
    prepareOnce(
      db,
      `UPDATE messages SET dispatched_at = @now, attempts = attempts + 1, updated_at = @now
       WHERE lease_token = @token AND state = 'sending' AND ${notHeld('messages')}`,
    ).run({ token: claim.token, now });
    prepareOnce(
      db,
      `UPDATE messages SET state = 'queued', lease_owner = NULL, lease_token = NULL,
         lease_expires_at = NULL, updated_at = @now
       WHERE lease_token = @token AND state = 'sending' AND dispatched_at IS NULL`,
    ).run({ token: claim.token, now });
    const ids = new Set(
      prepareOnce(db, `SELECT id FROM messages WHERE lease_token = ? AND state = 'sending'`)
        .pluck()
        .all(claim.token) as number[],
    );
    if (ids.size < claim.rows.length) eventsOf(db).outboxChanged(claim.rows.map((r) => r.id));
    return claim.rows.filter((r) => ids.has(r.id));
  });
}
