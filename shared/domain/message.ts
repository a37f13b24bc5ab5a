import type { ProviderFailure } from './provider-error';

/** Encodings as the segment counter names them; adapters map to the wire names. */
export type MessageEncoding = 'gsm' | 'gsm-pt' | 'ucs2';

export interface OutgoingRecipient {
  /** International number, digits with or without '+'. */
  to: string;
  /** Merge fields for this recipient (360nrs `sub`); only for providers with `mergeFields`. */
  fields?: Record<string, string>;
  /**
   * This recipient's already-rendered text, for providers WITHOUT `mergeFields`
   * (the action API sends one action per recipient in one request). Providers
   * with merge fields refuse a batch whose recipients carry differing texts.
   */
  text?: string;
  /**
   * The outbox row's reference (360nrs: a `sub` value the text never uses), so
   * a request whose answer was lost can be matched to its rows later.
   */
  ref?: string;
}

/**
 * Messages that share sender, text template and encoding: one provider request.
 * Dates are ISO 8601 instants.
 */
export interface OutgoingBatch {
  from: string;
  text: string;
  encoding: MessageEncoding;
  /** The most parts the text may take (1-15 for 360nrs). */
  maxParts: number;
  recipients: OutgoingRecipient[];
  scheduleAt?: string;
  expiresAt?: string;
  /** The provider's campaign: the bulk job's name, or the single send's (default "Outpost"). */
  campaignName?: string;
  /** 360nrs: the outbox puts one tag unique to the request here (reconciliation key). */
  tags?: string[];
  /** Let the provider replace accented letters with GSM ones (360nrs `trans`). */
  transliterate?: boolean;
  flash?: boolean;
  certified?: boolean;
  splitParts?: boolean;
}

/** One single message, for providers without batches. */
export interface OutgoingMessage {
  from?: string;
  to: string;
  text: string;
  encoding?: MessageEncoding;
}

export type RecipientResult =
  | {
      to: string;
      accepted: true;
      /** null when the provider gives no id (action API without one): status cannot be polled. */
      messageId: string | null;
      parts: number | null;
      scheduledAt: string | null;
      expiresAt: string | null;
    }
  | { to: string; accepted: false; failure: ProviderFailure };

/** `results[i]` answers `recipients[i]` of the batch. */
export interface SendResult {
  campaignId: string | null;
  sendingId: string | null;
  results: RecipientResult[];
}
