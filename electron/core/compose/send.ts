import type { ProviderKind } from '../../../shared/domain/capabilities';
import { type ScheduleMode, scheduleSentence } from '../../../shared/domain/message-state';
import { parseTemplate } from '../../../shared/merge';
import { checkSender } from '../../../shared/send/sender';
import { parseDuration, validUntil } from '../../../shared/send/timing';
import { type EncodingChoice, MAX_PARTS_SMS } from '../../../shared/sms';
import { providerTemplate, renameFields } from '../bulk/provider-template';
import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { ComposeError } from '../outbox/compose';
import { enqueueMessages, type NewMessage, scheduleModeFor } from '../outbox/enqueue';
import { createJob } from '../outbox/jobs';
import { queueSingleSend } from '../outbox/single-send';
import { campaignNameFrom } from './campaign-name';
import { type ComposePlan, type LeftOut, planCompose } from './plan';
import { type AudienceRequest, resolveAudience } from './resolve';

export interface ComposeSendInput extends AudienceRequest {
  from: string;
  text: string;
  encoding?: EncodingChoice;
  maxParts?: number;
  marketing?: boolean;
  /** Send at (ms); absent: now. */
  at?: number | null;
  validFor?: string;
  expires?: string;
  /** The job's name, also the provider's campaign name; default: the message's first words. */
  campaign?: string;
}

export interface ComposeSendResult {
  /** The bulk job holding the messages; null when there was one recipient (a single send). */
  jobId: number | null;
  /** The message id of a single send. */
  messageId: number | null;
  queued: number;
  segments: number;
  leftOut: LeftOut[];
  deferred: ComposePlan['deferred'];
  campaign: string;
  schedule: { mode: ScheduleMode; at: number; sentence: string } | null;
}

/**
 * Sends one message to many: the audience is resolved again here (what the
 * screen showed is never trusted as the list), planned with the same rules
 * the screen's check used, and every sendable recipient's merged message is
 * queued exactly once, as one job in one transaction. Recipients left out
 * (suppressed, bad number, missing field, a country's rule) come back with
 * their reasons. Nothing is queued when nobody can be sent to.
 */
export function queueComposeSend(
  db: Db,
  input: ComposeSendInput,
  now = Date.now(),
): ComposeSendResult {
  if (input.text === '') throw new ComposeError('The message is empty.', 'text');
  const sender = checkSender(input.from);
  if (sender) throw new ComposeError(sender.message, 'from');
  const at = input.at ?? null;
  const validity = validUntil({
    validFor: input.validFor,
    expires: input.expires,
    sendAt: at,
    now,
  });
  if (!validity.ok) throw new ComposeError(validity.message, 'validity');
  const audience = resolveAudience(db, input);
  const plan = planCompose(audience, {
    template: input.text,
    encoding: input.encoding ?? 'auto',
    maxParts: input.maxParts ?? MAX_PARTS_SMS,
    sendAt: at,
    marketing: input.marketing ?? false,
    now,
  });
  const [problem] = plan.templateProblems;
  if (problem) throw new ComposeError(`The message cannot be merged: ${problem}.`, 'text');
  if (plan.send.length === 0)
    throw new ComposeError(nobodySentence(plan, audience.recipients.length), 'to');
  const campaign = checkCampaign(input.campaign ?? campaignNameFrom(input.text));
  const result =
    plan.send.length === 1
      ? single(db, input, plan, campaign, now)
      : job(db, input, plan, campaign, now);
  return { ...result, leftOut: plan.leftOut, deferred: plan.deferred, campaign };
}

type Queued = Pick<ComposeSendResult, 'jobId' | 'messageId' | 'queued' | 'segments' | 'schedule'>;

/** One recipient: the single-send path, with the merged text, as Compose always did. */
function single(
  db: Db,
  input: ComposeSendInput,
  plan: ComposePlan,
  campaign: string,
  now: number,
): Queued {
  const [only] = plan.send;
  if (!only) throw new Error('planned one message');
  const sent = queueSingleSend(
    db,
    {
      accountId: input.accountId,
      to: only.recipient.e164 ?? only.recipient.input,
      from: input.from,
      text: only.text,
      ...(input.encoding ? { encoding: input.encoding } : {}),
      ...(input.maxParts ? { maxParts: input.maxParts } : {}),
      at: only.scheduledFor,
      ...(input.validFor !== undefined ? { validFor: input.validFor } : {}),
      ...(input.expires !== undefined ? { expires: input.expires } : {}),
      campaign,
    },
    now,
  );
  return {
    jobId: null,
    messageId: sent.id,
    queued: 1,
    segments: sent.segments,
    schedule: sent.schedule,
  };
}

/** Many recipients: one job, its rows written with it in one transaction (whole or not at all). */
function job(
  db: Db,
  input: ComposeSendInput,
  plan: ComposePlan,
  campaign: string,
  now: number,
): Queued {
  const template = parseTemplate(input.text);
  const sent = providerTemplate(template);
  const validForMs = input.validFor !== undefined ? durationOf(input.validFor) : null;
  const expiresAt = input.expires !== undefined ? Date.parse(input.expires) : null;
  const maxParts = input.maxParts ?? MAX_PARTS_SMS;
  const jobId = writeTransaction(db, () => {
    const id = createJob(
      db,
      {
        accountId: input.accountId,
        name: campaign,
        sender: input.from,
        template: input.text,
        mapping: { source: 'compose', recipients: plan.send.length },
      },
      now,
    );
    const messages: NewMessage[] = plan.send.map((m) => ({
      accountId: input.accountId,
      jobId: id,
      recipient: m.recipient.key,
      sender: input.from,
      template: sent.source,
      fields: renameFields(usedFields(template.fields, m.recipient.fields), sent.rename),
      body: m.text,
      encoding: m.encoding,
      segments: m.segments,
      maxParts,
      scheduledFor: m.scheduledFor,
      expiresAt:
        validForMs !== null ? Math.max(m.scheduledFor ?? now, now) + validForMs : expiresAt,
      campaignName: campaign,
    }));
    enqueueMessages(db, messages, { now });
    eventsOf(db).jobChanged(id);
    return id;
  });
  const first = plan.send.find((m) => m.scheduledFor !== null)?.scheduledFor ?? null;
  const at = input.at != null && input.at > now ? input.at : first;
  const mode = at === null ? null : scheduleModeFor(providerOf(db, input.accountId));
  return {
    jobId,
    messageId: null,
    queued: plan.send.length,
    segments: plan.send.reduce((sum, m) => sum + m.segments, 0),
    schedule:
      mode === null || at === null ? null : { mode, at, sentence: scheduleSentence(mode, at) },
  };
}

function usedFields(names: readonly string[], values: Record<string, string>) {
  const out: Record<string, string> = {};
  for (const n of names) if (values[n] !== undefined) out[n] = values[n];
  return out;
}

function durationOf(text: string): number {
  const d = parseDuration(text);
  if (!d.ok) throw new ComposeError(d.message, 'validity');
  return d.ms;
}

function providerOf(db: Db, accountId: number): ProviderKind {
  return db
    .prepare('SELECT provider FROM accounts WHERE id = ?')
    .pluck()
    .get(accountId) as ProviderKind;
}

function checkCampaign(name: string): string {
  const trimmed = name.trim().slice(0, 100);
  return trimmed === '' ? 'Outpost' : trimmed;
}

function nobodySentence(plan: ComposePlan, total: number): string {
  if (total === 0) return 'Add at least one recipient.';
  const [first] = plan.leftOut;
  const example = first
    ? `; for example ${first.e164 ?? first.key.slice(1)}: ${first.message}`
    : '.';
  return `None of the ${total} recipients can be sent to${example}`;
}
