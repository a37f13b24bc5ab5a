import type { DeliveryStatus, MessageStatus } from '../../../../shared/domain/status';

/** The provider's DLR code for each failed final status (360nrs seed 003 line 380). */
const FAILURE: Record<string, { code: string; text: string }> = {
  undelivered: { code: 'UNDELIV', text: 'The network could not deliver it (UNDELIV).' },
  rejected: { code: 'REJECTD', text: 'The network or the provider rejected it (REJECTD).' },
  expired: {
    code: 'EXPIRED',
    text: 'It expired before the phone could be reached (EXPIRED).',
  },
};

export interface Outcome {
  status: DeliveryStatus;
  final: boolean;
  /** When final and not delivered: the provider's code and a human sentence. */
  failure: { code: string; text: string } | null;
  events: MessageStatus['events'];
}

/**
 * One message may come back as several status records (one per part, should
 * a provider report parts). The message is delivered only when EVERY record
 * says delivered; it is final only when every record is final; a final
 * message with any failed part has failed, with the first failure's code.
 */
export function combineStatuses(records: readonly MessageStatus[]): Outcome {
  const events = records.flatMap((r) => r.events);
  const final = records.length > 0 && records.every((r) => r.final);
  if (!final) {
    // Reported as the least advanced part: "delivered" is never shown early.
    const status = records.find((r) => !r.final)?.status ?? 'unknown';
    return { status, final: false, failure: null, events };
  }
  const failed = records.find((r) => r.status !== 'delivered');
  if (!failed) return { status: 'delivered', final: true, failure: null, events };
  return {
    status: failed.status,
    final: true,
    failure: FAILURE[failed.status] ?? {
      code: failed.status.toUpperCase(),
      text: `The provider reports it was not delivered (${failed.status}).`,
    },
    events,
  };
}

/** The time of the last delivered event, when the provider gave one. */
export function deliveredAt(outcome: Outcome): number | null {
  const times = outcome.events
    .filter((e) => e.type === 'delivered' || e.type === 'delivrd')
    .map((e) => Date.parse(e.at))
    .filter((t) => !Number.isNaN(t));
  return times.length > 0 ? Math.max(...times) : null;
}
