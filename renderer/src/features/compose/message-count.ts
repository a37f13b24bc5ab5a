import {
  countAfterMerge,
  isSendable,
  type MergeCount,
  type MergedMessage,
  type MergeTarget,
} from '../../../../shared/compose';
import type { AudienceRecipient } from '../../../../shared/compose/types';
import { parseTemplate } from '../../../../shared/merge/template';
import { countSegments, type EncodingChoice, type SegmentCount } from '../../../../shared/sms';
import type { PreviewChoice } from './store';

/** What the counter and everything beside it know of the message as typed. */
export interface MessageCount {
  text: string;
  encoding: EncodingChoice;
  /** The text as typed (merge fields as written). */
  textCount: SegmentCount;
  /** After merge for every sendable recipient; null with nobody to merge for. */
  merged: MergeCount | null;
}

type Target = Pick<AudienceRecipient, 'key' | 'countryIso' | 'fields' | 'problem' | 'suppressed'>;

/*
 * One list of merge targets per resolved audience: the counter and the parts
 * that follow it get the same array, so the count below is shared. Keyed
 * weakly by the audience's recipients, so an audience no longer shown is
 * collected with its targets.
 */
const targetsByAudience = new WeakMap<readonly Target[], MergeTarget[]>();

/** The recipients the message would be merged for (sendable ones), the same array each time. */
export function mergeTargets(recipients: readonly Target[] | undefined): readonly MergeTarget[] {
  if (!recipients) return NO_TARGETS;
  let targets = targetsByAudience.get(recipients);
  if (!targets) {
    targets = recipients
      .filter(isSendable)
      .map((r) => ({ key: r.key, countryIso: r.countryIso, fields: r.fields }));
    targetsByAudience.set(recipients, targets);
  }
  return targets;
}

const NO_TARGETS: readonly MergeTarget[] = [];

/** Counts the text as typed and after merge, with nothing remembered. */
export function countMessage(
  text: string,
  targets: readonly MergeTarget[],
  encoding: EncodingChoice,
): MessageCount {
  const template = parseTemplate(text);
  return {
    text,
    encoding,
    textCount: countSegments(text, { encoding }),
    merged: targets.length === 0 ? null : countAfterMerge(template, targets, { encoding }),
  };
}

/**
 * `countMessage` remembering its last answer. A keystroke is counted once:
 * first for the counter under the message (in the keystroke's own render),
 * then the preview, cost and left-out list, rendered a moment later for the
 * same text, get the same object back. One entry only, so nothing grows and
 * a text seen two keystrokes ago is counted again.
 */
export function rememberLastCount(count: typeof countMessage = countMessage): typeof countMessage {
  let last: MessageCount | null = null;
  let lastTargets: readonly MergeTarget[] | null = null;
  return (text, targets, encoding) => {
    if (last && last.text === text && last.encoding === encoding && lastTargets === targets)
      return last;
    last = count(text, targets, encoding);
    lastTargets = targets;
    return last;
  };
}

/** The one Compose uses (there is one Compose view). */
export const messageCount = rememberLastCount();

/** The message a recipient of the preview choice reads, or undefined with nobody to show. */
export function previewMessage(
  merged: MergeCount,
  choice: PreviewChoice,
): MergedMessage | undefined {
  const key =
    choice === 'first'
      ? merged.messages[0]?.key
      : choice === 'longest'
        ? (merged.longestKey ?? merged.messages[0]?.key)
        : choice.key;
  return merged.messages.find((m) => m.key === key) ?? merged.messages[0];
}

/**
 * What the counter under the message shows: the previewed recipient's
 * message after merge, or the text as typed when there is nobody (or their
 * message cannot be written). Only "the longest" needs every recipient
 * merged; for the first or a picked one, that one message is merged and
 * counted (a message's count depends on its own text only), so the keystroke
 * does not wait for the other recipients.
 */
export function countShown(
  text: string,
  targets: readonly MergeTarget[],
  encoding: EncodingChoice,
  choice: PreviewChoice,
): SegmentCount {
  if (choice === 'longest') {
    const all = messageCount(text, targets, encoding);
    const shown = all.merged ? previewMessage(all.merged, choice) : undefined;
    return shown?.ok ? shown.count : all.textCount;
  }
  const picked = typeof choice === 'object' ? targets.find((t) => t.key === choice.key) : undefined;
  const target = picked ?? targets[0];
  const one = target
    ? countAfterMerge(parseTemplate(text), [target], { encoding }).messages[0]
    : undefined;
  return one?.ok ? one.count : countSegments(text, { encoding });
}
