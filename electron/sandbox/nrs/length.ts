import {
  countSegments,
  forcingPositions,
  forcingStrings,
  UCS2_CAPACITY,
} from '../../../shared/sms';

/** The one place the sandbox measures a message: helper A's segment counter (shared/sms). */
export type NrsEncodingName = 'gsm' | 'gsm-pt' | 'utf-16';

export interface MessageMeasure {
  segments: number;
  /** Septets for gsm / gsm-pt (extension characters count 2), UTF-16 code units for utf-16. */
  units: number;
  /**
   * Characters the chosen alphabet cannot carry. Not an error: like a GSM gateway, the
   * provider is taken to send a '?' in their place (each counts one septet).
   */
  unrepresentable: readonly string[];
}

/** Shared by every one-part UCS-2 measure: nothing reads it to change it. */
const NONE: readonly string[] = Object.freeze([]);

export function measureMessage(text: string, encoding: NrsEncodingName): MessageMeasure {
  // UCS-2 counts code units: a text that fits one part is one part, whatever it holds
  // (what the counter answers too); merged texts all differ, so this runs per recipient.
  if (encoding === 'utf-16' && text.length > 0 && text.length <= UCS2_CAPACITY.single) {
    return { segments: 1, units: text.length, unrepresentable: NONE };
  }
  const count = countSegments(text, { encoding: encoding === 'utf-16' ? 'ucs2' : encoding });
  return {
    segments: count.segments,
    units: count.units,
    unrepresentable: encoding === 'utf-16' ? [] : forcingStrings(forcingPositions(count)),
  };
}

/**
 * The parts alone, which is all a send checks per recipient: a text UCS-2 carries in
 * one part is answered with no measure built (merged texts all differ).
 */
export function segmentsOf(text: string, encoding: NrsEncodingName): number {
  if (encoding === 'utf-16' && text.length > 0 && text.length <= UCS2_CAPACITY.single) return 1;
  return measureMessage(text, encoding).segments;
}
