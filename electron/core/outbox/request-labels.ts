import type { OutgoingBatch } from '../../../shared/domain/message';
import type { Claim } from './claim';

/**
 * A row's reference inside one request: unique across requests (the request
 * tag is random), so events of a shared campaign are matched to exactly the
 * rows of a lost request, never to another computer's or another attempt's.
 */
export function rowRef(requestName: string, rowId: number): string {
  return `${requestName}.${rowId}`;
}

/** What a request carries besides its messages: campaign, its own tag, schedule, validity. */
export function requestLabels(
  claim: Claim,
): Pick<OutgoingBatch, 'campaignName' | 'tags' | 'scheduleAt' | 'expiresAt'> {
  return {
    ...(claim.campaignName ? { campaignName: claim.campaignName, tags: [claim.requestName] } : {}),
    ...(claim.scheduleAt !== null ? { scheduleAt: new Date(claim.scheduleAt).toISOString() } : {}),
    ...(claim.expiresAt !== null ? { expiresAt: new Date(claim.expiresAt).toISOString() } : {}),
  };
}
