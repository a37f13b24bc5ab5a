/**
 * What the provider holds for a request whose answer was lost. Per recipient:
 * - `accepted`: the provider took it (do not send again);
 * - `absent`: the provider certainly does not have it (safe to send again);
 * - `undetermined`: cannot tell yet (ask again later; e.g. accepted messages
 *   appear in the events report only once sent).
 */
export type ReconciledState = 'accepted' | 'absent' | 'undetermined';

/**
 * A request whose answer was lost, as the outbox remembers it. Requests share
 * a campaign (one per bulk job, "Outpost" for single sends), so the request
 * itself is told apart by a tag unique to it, and each recipient by a
 * reference unique to its outbox row, carried in its merge values.
 */
export interface LostRequest {
  campaignName: string;
  /**
   * The request's own entry in `tags`; null for a request written before
   * campaigns were shared, whose campaign was its own (finding it is finding the request).
   */
  requestTag: string | null;
  /** When the request was written (ISO 8601): the provider's reports are read from shortly before. */
  sentAt: string;
  /** The scheduleDate it carried (ISO 8601), if any: such messages have no events before their time. */
  scheduledAt: string | null;
  recipients: { to: string; ref: string }[];
  /** Provider message ids already matched to other outbox rows (never taken for this one). */
  knownIds?: readonly string[];
}

/** The merge value that carries an outbox row's reference (360nrs `sub`, shown by the events report). */
export const ROW_REF_FIELD = 'outpostRef';

export interface BatchReconciliation {
  /** Whether the provider has the request at all (its tag is on a sending of the campaign). */
  campaignFound: boolean;
  /** Messages the provider counts in the matching sendings, or null when none matched. */
  acceptedCount: number | null;
  sendingIds: string[];
  /**
   * One entry per recipient, naming it in `to` and, when the provider could be
   * asked by row reference, in `ref` (the outbox matches by `ref`, else by number,
   * never by position); messageId when the provider showed it.
   */
  recipients: {
    to: string;
    ref?: string;
    state: ReconciledState;
    events: string[];
    messageId?: string;
  }[];
}
