import {
  type Audience,
  type AudienceRecipient,
  countAfterMerge,
  isSendable,
  type MergeCount,
  type MergedMessage,
} from '../../../shared/compose';
import { parseTemplate } from '../../../shared/merge';
import { checkSendingRules, type RulesResult } from '../../../shared/rules';
import {
  type Encoding,
  type EncodingChoice,
  MAX_PARTS_SMS,
  sendBlockers,
} from '../../../shared/sms';

export type LeftOutCode =
  | 'invalid'
  | 'suppressed'
  | 'missing-field'
  | 'too-long'
  | 'blocked-by-rule';

export interface LeftOut {
  key: string;
  e164: string | null;
  name: string;
  code: LeftOutCode;
  message: string;
}

export interface PlannedMessage {
  recipient: AudienceRecipient;
  text: string;
  encoding: Encoding;
  segments: number;
  /** Not before this time: the chosen send time, or later where a country's sending hours say so. */
  scheduledFor: number | null;
}

export interface ComposePlan {
  send: PlannedMessage[];
  leftOut: LeftOut[];
  /** Recipients held back to their country's sending hours: when they will go, and why. */
  deferred: { key: string; until: number; message: string }[];
  /** Rules that do not stop the message but deserve a look, once per country and rule. */
  warnings: { countryIso: string; code: string; message: string }[];
  /** The template itself cannot be rendered (an unknown filter): nothing can be sent. */
  templateProblems: string[];
  merge: Pick<MergeCount, 'segments' | 'encodings'>;
}

export interface PlanOptions {
  template: string;
  encoding?: EncodingChoice;
  maxParts?: number;
  /** Send at (ms); null: now. */
  sendAt: number | null;
  marketing: boolean;
  now?: number;
}

/** Sending-hours rules defer a message; every other block leaves the recipient out. */
const TIME_CODES = new Set(['outside-sending-hours', 'public-holiday']);

/**
 * Decides, per recipient, what a message to many will do: who gets which
 * text and when, and who is left out and why (a bad number, the suppression
 * list, a missing merge field, too long, a country's rule). The same function
 * answers the Compose screen's check and queues the send, so what the
 * person confirmed is what is queued.
 */
export function planCompose(audience: Audience, options: PlanOptions): ComposePlan {
  const now = options.now ?? Date.now();
  const template = parseTemplate(options.template);
  const maxParts = options.maxParts ?? MAX_PARTS_SMS;
  const leftOut: LeftOut[] = [];
  const sendable: AudienceRecipient[] = [];
  for (const r of audience.recipients) {
    if (isSendable(r)) sendable.push(r);
    else if (r.problem !== null) leftOut.push(out(r, 'invalid', r.problem));
    else if (r.suppressed !== null) leftOut.push(out(r, 'suppressed', r.suppressed.sentence));
  }
  const merged = countAfterMerge(template, sendable, {
    encoding: options.encoding ?? 'auto',
    maxParts,
  });
  const sendAt = new Date(Math.max(options.sendAt ?? now, now));
  const rules = rulesCache(sendAt, options.marketing);
  const plan: ComposePlan = {
    send: [],
    leftOut,
    deferred: [],
    warnings: [],
    templateProblems: template.problems.map((p) => p.message),
    merge: { segments: merged.segments, encodings: merged.encodings },
  };
  const warned = new Set<string>();
  for (const [i, m] of merged.messages.entries()) {
    const r = sendable[i] as AudienceRecipient;
    const problem = leftOutFor(m);
    if (problem) {
      leftOut.push(out(r, problem.code, problem.message));
      continue;
    }
    if (!m.ok) continue;
    const verdict = rules(m.text, r.countryIso ?? '');
    const hard = verdict.blocks.find((b) => !TIME_CODES.has(b.code));
    if (hard) {
      leftOut.push(out(r, 'blocked-by-rule', hard.message));
      continue;
    }
    for (const w of verdict.warnings) {
      const id = `${w.countryIso}:${w.code}`;
      if (warned.has(id)) continue;
      warned.add(id);
      plan.warnings.push({ countryIso: w.countryIso, code: w.code, message: w.message });
    }
    const until =
      verdict.blocks.length > 0 && verdict.nextAllowedAt ? verdict.nextAllowedAt.getTime() : null;
    if (until !== null) {
      plan.deferred.push({ key: r.key, until, message: verdict.blocks[0]?.message ?? '' });
    }
    plan.send.push({
      recipient: r,
      text: m.text,
      encoding: m.count.encoding,
      segments: m.count.segments,
      scheduledFor:
        until ?? (options.sendAt !== null && options.sendAt > now ? options.sendAt : null),
    });
  }
  return plan;
}

/** A message that cannot be written (a missing field) or sent as it is (empty, too long). */
function leftOutFor(m: MergedMessage): { code: LeftOutCode; message: string } | null {
  if (!m.ok) return { code: 'missing-field', message: m.message };
  const [blocker] = sendBlockers(m.text, m.count);
  return blocker ? { code: 'too-long', message: blocker.message } : null;
}

function out(r: AudienceRecipient, code: LeftOutCode, message: string): LeftOut {
  return { key: r.key, e164: r.e164, name: r.name, code, message };
}

/** Merged texts repeat (no fields, shared values): each country and text is checked once. */
function rulesCache(sendAt: Date, marketing: boolean) {
  const cache = new Map<string, RulesResult>();
  return (text: string, countryIso: string): RulesResult => {
    const key = `${countryIso}\u0000${text}`;
    let result = cache.get(key);
    if (!result) {
      result = checkSendingRules({ text, countryIso, sendAt, marketing });
      cache.set(key, result);
    }
    return result;
  };
}
