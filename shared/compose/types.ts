import type { LineType } from '../phone';

/** Why a recipient is on the do-not-send list, as the core's suppressions table says. */
export type SuppressionReason = 'opt-out-keyword' | 'provider-blacklist' | 'manual';

/** Where a recipient came from; one recipient can come from several (then it was a duplicate). */
export type RecipientSource =
  | { kind: 'typed' }
  | { kind: 'contact' }
  | { kind: 'book'; id: number; name: string }
  | { kind: 'tag'; name: string };

/**
 * One person the message would go to, after the audience was resolved:
 * numbers checked, duplicates merged, suppressions looked up.
 */
export interface AudienceRecipient {
  /** Digits of the international number (the provider's form); for an unusable entry `?` + what was typed. */
  key: string;
  /** As typed or as stored on the contact. */
  input: string;
  e164: string | null;
  countryIso: string | null;
  lineType: LineType | null;
  /** Why this entry can never be sent to (not a number, a fixed line…); null when usable. */
  problem: string | null;
  contactId: number | null;
  /** The contact's name, '' for a typed number. */
  name: string;
  sources: RecipientSource[];
  /** Merge values: the contact's own fields (`first_name`, custom fields) and `phone`. */
  fields: Record<string, string>;
  suppressed: { reason: SuppressionReason; since: number; sentence: string } | null;
}

export interface Audience {
  recipients: AudienceRecipient[];
  /** Numbers that came more than once (typed twice, or typed and in a book): merged into one. */
  duplicates: { key: string; e164: string; times: number }[];
  /** Every merge field some recipient has, for the insert menu (first the standard ones). */
  fields: string[];
  /** The key of each typed number, in the order typed, so each chip finds its recipient. */
  typed: string[];
}

/** A recipient the message can go to: a usable number not on the suppression list. */
export function isSendable(r: Pick<AudienceRecipient, 'problem' | 'suppressed'>): boolean {
  return r.problem === null && r.suppressed === null;
}
