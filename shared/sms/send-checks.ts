import { ERROR_TEXT_MISSING, ERROR_TEXT_TOO_LONG } from './capacity';
import type { SegmentCount } from './counter';

export interface SendBlocker {
  /** The provider error code the send would fail with (seed 003 error table). */
  code: typeof ERROR_TEXT_MISSING | typeof ERROR_TEXT_TOO_LONG;
  message: string;
}

/**
 * An empty message still counts as one segment, but the provider refuses it
 * with 104 "Text message missing". Only the empty string is treated so: the
 * seed does not say that whitespace is refused, so a lone space is sent.
 */
export function isTextMissing(text: string): boolean {
  return text.length === 0;
}

/** What the provider would refuse before sending, predicted locally (empty list: sendable). */
export function sendBlockers(text: string, count: SegmentCount): SendBlocker[] {
  const blockers: SendBlocker[] = [];
  if (isTextMissing(text)) {
    blockers.push({ code: ERROR_TEXT_MISSING, message: 'The message is empty.' });
  }
  if (count.exceedsMaxParts) {
    blockers.push({
      code: ERROR_TEXT_TOO_LONG,
      message: `The message needs ${count.segments} parts but at most ${count.maxParts} are allowed.`,
    });
  }
  return blockers;
}
