import type { ProviderKind } from '../../../shared/domain/capabilities';
import type { MessageEncoding } from '../../../shared/domain/message';
import type { ScheduleMode } from '../../../shared/domain/message-state';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { capabilitiesOf } from '../providers/registry';
import { DEFAULT_RETRY_POLICY } from './policy';

/** The campaign a single send is counted in on the provider's dashboard unless told otherwise. */
export const DEFAULT_CAMPAIGN = 'Outpost';

export interface NewMessage {
  accountId: number;
  jobId?: number | null;
  recipient: string;
  sender: string;
  /** The text as written; identical templates are batched into one request. */
  template: string;
  fields?: Record<string, string>;
  /** The rendered text this recipient will read. */
  body: string;
  encoding: MessageEncoding;
  segments: number;
  maxParts: number;
  /** Not sent before this time (ms): at the provider where it can hold it, else here. */
  scheduledFor?: number | null;
  /** The end of validity (ms): 360nrs expirationDate; past it, the message is not sent. */
  expiresAt?: number | null;
  /** The provider's campaignName; default "Outpost". */
  campaignName?: string | null;
}

/**
 * Where a send with a time waits: a provider that holds scheduled messages
 * (360nrs scheduleDate) gets it at once, so it goes out on time with this
 * computer closed; any other keeps it in the local queue until its time.
 */
export function scheduleModeFor(provider: ProviderKind): ScheduleMode {
  return capabilitiesOf(provider).scheduleSend ? 'provider' : 'local';
}

/**
 * Writes messages to the outbox in ONE transaction, before anything touches
 * the network: either every recipient is queued or none is.
 */
export function enqueueMessages(
  db: Db,
  messages: readonly NewMessage[],
  options: { now?: number; giveUpAfterMs?: number } = {},
): number[] {
  const now = options.now ?? Date.now();
  const giveUpAfter = options.giveUpAfterMs ?? DEFAULT_RETRY_POLICY.giveUpAfterMs;
  const insert = db.prepare(
    `INSERT INTO messages (account_id, job_id, recipient, sender, template, fields, body, encoding,
       segments, max_parts, state, not_before, scheduled_for, schedule_mode, expires_at, campaign_name,
       give_up_at, created_at, updated_at)
     VALUES (@accountId, @jobId, @recipient, @sender, @template, @fields, @body, @encoding,
       @segments, @maxParts, 'queued', @notBefore, @scheduledFor, @scheduleMode, @expiresAt, @campaignName,
       @giveUpAt, @now, @now)`,
  );
  const providerOf = db.prepare('SELECT provider FROM accounts WHERE id = ?').pluck();
  const modes = new Map<number, ScheduleMode>();
  const modeOf = (accountId: number): ScheduleMode => {
    let mode = modes.get(accountId);
    if (mode === undefined) {
      const provider = providerOf.get(accountId) as ProviderKind | undefined;
      mode = provider ? scheduleModeFor(provider) : 'local';
      modes.set(accountId, mode);
    }
    return mode;
  };
  return writeTransaction(db, () => {
    const ids = messages.map((m) => {
      const scheduled = m.scheduledFor ?? null;
      const mode = scheduled === null ? null : modeOf(m.accountId);
      // A provider-held schedule is handed over now; a local one waits in the queue.
      const start = mode === 'local' ? Math.max(now, scheduled ?? now) : now;
      const result = insert.run({
        accountId: m.accountId,
        jobId: m.jobId ?? null,
        recipient: m.recipient,
        sender: m.sender,
        template: m.template,
        fields: JSON.stringify(m.fields ?? {}),
        body: m.body,
        encoding: m.encoding,
        segments: m.segments,
        maxParts: m.maxParts,
        notBefore: start,
        scheduledFor: scheduled,
        scheduleMode: mode,
        expiresAt: m.expiresAt ?? null,
        campaignName: m.campaignName ?? DEFAULT_CAMPAIGN,
        // The give-up clock starts when the message may first go out: for one held at the
        // provider that is its time, so a long offline spell before it is not a give-up.
        giveUpAt: Math.max(start, scheduled ?? start) + giveUpAfter,
        now,
      });
      return Number(result.lastInsertRowid);
    });
    eventsOf(db).outboxChanged(ids);
    return ids;
  });
}
