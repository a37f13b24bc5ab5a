/** Event counters of a sending (360nrs names, only the SMS-relevant ones). */
export interface SendingCounts {
  sent: number;
  delivered: number;
  undelivered: number;
  rejected: number;
  expired: number;
  clicked: number;
  unsubscribed: number;
}

/** One sending (a batch of messages) of a campaign. */
export interface Sending {
  id: string;
  campaignName: string;
  status: string;
  channel: string;
  total: number;
  processed: number;
  parts: number | null;
  cost: number;
  currency: string;
  tags: string[];
  scheduledAt: string | null;
  createdAt: string;
  counts: SendingCounts;
}

export interface Campaign {
  id: string;
  name: string;
  type: string;
  createdAt: string;
  updatedAt: string;
  sendings: Sending[];
}

export interface CampaignQuery {
  /** Exact name or a pattern with `*` wildcards. */
  name?: string;
  channel?: string;
  after?: string;
  before?: string;
}

/** One line of a sending's events report. */
export interface SendingEvent {
  campaignName: string;
  campaignId: string;
  sendingId: string;
  contactId: string | null;
  event: string;
  phone: string | null;
  email: string | null;
  countryIso: string | null;
  url: string | null;
  createdAt: string;
  /** Extra columns (`showCustomFields=1`). */
  customFields: Record<string, string>;
}
