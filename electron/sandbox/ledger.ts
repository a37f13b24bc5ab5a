export type LedgerApi = 'nrs' | 'action';

export interface LedgerEntry {
  api: LedgerApi;
  to: string;
  /** Id of the first accepted copy. */
  messageId: string;
  /** The text as sent, after merge fields were filled in. */
  text: string;
  parts: number;
  /** How many times this same message was accepted; more than 1 is a duplicate send. */
  times: number;
  campaignName?: string;
  /** When the first copy was accepted (ISO 8601). */
  at: string;
}

/**
 * Every recipient the sandbox accepted. The key is (api, recipient digits, campaignName,
 * final text): a second accepted send of the same text to the same number in the same
 * campaign counts as `times: 2`, whether or not the number was written with a '+'.
 * A send without campaignName has campaignName ''.
 */
export class Ledger {
  private readonly entries = new Map<string, LedgerEntry>();

  record(entry: Omit<LedgerEntry, 'times'>): void {
    const digits = entry.to.replace(/^\+/, '');
    const key = ledgerKey(entry.api, digits, entry.campaignName ?? '', entry.text);
    const existing = this.entries.get(key);
    if (existing) existing.times += 1;
    else this.entries.set(key, { ...entry, times: 1 });
  }

  list(): LedgerEntry[] {
    return [...this.entries.values()].map((e) => ({ ...e }));
  }
}

/**
 * One string per (api, digits, campaign, text), built without JSON: it is made for
 * every accepted recipient. The lengths keep two different tuples from ever giving
 * the same string (the text is last, so it needs none).
 */
function ledgerKey(api: LedgerApi, digits: string, campaign: string, text: string): string {
  return `${api}:${digits.length}:${digits}:${campaign.length}:${campaign}:${text}`;
}
