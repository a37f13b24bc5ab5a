import {
  countAfterMerge,
  isSendable,
  type MergeCount,
  type MergeTarget,
} from '../../../../shared/compose';
import type { AudienceRecipient } from '../../../../shared/compose/types';
import { parseTemplate } from '../../../../shared/merge/template';
import { countSegments, type EncodingChoice, type SegmentCount } from '../../../../shared/sms';

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
