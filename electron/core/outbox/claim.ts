import { randomUUID } from 'node:crypto';
import type { MessageEncoding } from '../../../shared/domain/message';
import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
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
  /** The campaignName sent with the request: how a lost answer is looked up later. */
  requestName: string;
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
}

const SENDABLE = sendable('m', { due: true });

interface HeadRow {
  account_id: number;
  sender: string;
  encoding: MessageEncoding;
  template: string;
  max_parts: number;
}

/** A campaign name unique to this request, recognisable as Outpost's in the provider's UI. */
function newRequestName(now: number): string {
  return `outpost-${now.toString(36)}-${randomUUID().slice(0, 8)}`;
}

/**
 * Leases the next batch in one IMMEDIATE transaction: the oldest due message,
 * and up to batchSize-1 more due messages that can share its request (same
 * account, sender, encoding, template and part limit). Two processes on one
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
    `SELECT account_id, sender, encoding, template, max_parts FROM messages m
     WHERE ${SENDABLE} ORDER BY m.not_before, m.id LIMIT 1`,
  );
  const batch = prepareOnce(
    db,
    `SELECT id, recipient, fields, body FROM messages m
     WHERE ${SENDABLE} AND m.account_id = @acc AND m.sender = @sender AND m.encoding = @encoding
       AND m.template = @template AND m.max_parts = @maxParts
     ORDER BY m.not_before, m.id LIMIT @limit`,
  );
  const lease = prepareOnce(
    db,
    `UPDATE messages SET state = 'sending', lease_owner = @owner, lease_token = @token,
       lease_expires_at = @expires, dispatched_at = NULL, request_name = @requestName, updated_at = @now
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
      template: first.template,
      maxParts: first.max_parts,
      limit: options.batchSize,
    }) as { id: number; recipient: string; fields: string; body: string }[];
    const claim: Claim = {
      token: randomUUID(),
      accountId: first.account_id,
      sender: first.sender,
      encoding: first.encoding,
      template: first.template,
      maxParts: first.max_parts,
      requestName: newRequestName(options.now),
      rows: rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) as Record<string, string> })),
    };
    lease.run({
      owner: options.owner,
      token: claim.token,
      expires: options.now + options.leaseMs,
      requestName: claim.requestName,
      now: options.now,
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
