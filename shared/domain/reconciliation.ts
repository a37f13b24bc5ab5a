/**
 * What the provider holds for a batch whose answer was lost, looked up by its
 * unique campaign name. Per recipient:
 * - `accepted`: the provider took it (do not send again);
 * - `absent`: the provider certainly does not have it (safe to send again);
 * - `undetermined`: cannot tell yet (ask again later; e.g. accepted messages
 *   appear in the events report only once sent).
 */
export type ReconciledState = 'accepted' | 'absent' | 'undetermined';

export interface BatchReconciliation {
  campaignFound: boolean;
  /** Messages the provider counts in the campaign's sendings, or null without a campaign. */
  acceptedCount: number | null;
  sendingIds: string[];
  recipients: { to: string; state: ReconciledState; events: string[] }[];
}
