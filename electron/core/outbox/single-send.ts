import type { ProviderKind } from '../../../shared/domain/capabilities';
import { type ScheduleMode, scheduleSentence } from '../../../shared/domain/message-state';
import { validUntil } from '../../../shared/send/timing';
import type { EncodingChoice } from '../../../shared/sms';
import type { Db } from '../db/connection';
import { refuseIfSuppressed } from '../suppressions/refusal';
import { ComposeError, prepareSingleMessage } from './compose';
import { enqueueMessages, scheduleModeFor } from './enqueue';

export interface SingleSendInput {
  accountId: number;
  to: string;
  from: string;
  text: string;
  encoding?: EncodingChoice;
  maxParts?: number;
  defaultCountry?: string;
  /** Send at (ms); null or absent: now. */
  at?: number | null;
  /** `2h`, `3d`… counted from when it goes out. */
  validFor?: string;
  /** End of validity (ISO 8601). */
  expires?: string;
  campaign?: string;
}

export interface SingleSendResult {
  id: number;
  recipient: string;
  segments: number;
  encoding: string;
  campaign: string;
  expiresAt: number | null;
  /** Where the schedule is kept, with the sentence a person is shown; null for a send now. */
  schedule: { mode: ScheduleMode; at: number; sentence: string } | null;
}

/**
 * One message from the CLI's `send` or the app's compose screen: checked,
 * its validity worked out, and queued in one transaction. Mistakes are
 * ComposeErrors naming the field.
 */
export function queueSingleSend(
  db: Db,
  input: SingleSendInput,
  now = Date.now(),
): SingleSendResult {
  const at = input.at ?? null;
  const validity = validUntil({
    validFor: input.validFor,
    expires: input.expires,
    sendAt: at,
    now,
  });
  if (!validity.ok) throw new ComposeError(validity.message, 'validity');
  const message = prepareSingleMessage({
    accountId: input.accountId,
    to: input.to,
    from: input.from,
    text: input.text,
    ...(input.encoding ? { encoding: input.encoding } : {}),
    ...(input.maxParts ? { maxParts: input.maxParts } : {}),
    ...(input.defaultCountry ? { defaultCountry: input.defaultCountry } : {}),
    scheduledFor: at !== null && at > now ? at : null,
    expiresAt: validity.ms,
    campaign: input.campaign ?? null,
  });
  // Suppressed numbers are refused here, for the CLI and the app alike, as bulk does (one rule).
  refuseIfSuppressed(db, input.accountId, message.recipient);
  const [id = 0] = enqueueMessages(db, [message], { now });
  const provider = db
    .prepare('SELECT provider FROM accounts WHERE id = ?')
    .pluck()
    .get(input.accountId) as ProviderKind;
  const scheduledFor = message.scheduledFor ?? null;
  const mode = scheduledFor === null ? null : scheduleModeFor(provider);
  return {
    id,
    recipient: message.recipient,
    segments: message.segments,
    encoding: message.encoding,
    campaign: message.campaignName ?? '',
    expiresAt: validity.ms,
    schedule:
      mode === null || scheduledFor === null
        ? null
        : { mode, at: scheduledFor, sentence: scheduleSentence(mode, scheduledFor) },
  };
}
