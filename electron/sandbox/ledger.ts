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

/** What the ledger keeps of one message: one fixed shape, the public entry is built when read. */
class Kept {
  times = 1;
  constructor(
    readonly api: LedgerApi,
    readonly to: string,
    readonly messageId: string,
    readonly text: string,
    readonly parts: number,
    readonly campaignName: string | undefined,
    readonly at: string,
  ) {}

  is(api: LedgerApi, campaign: string, text: string): boolean {
    return this.api === api && (this.campaignName ?? '') === campaign && this.text === text;
  }

  /** The keys in the order a recorded entry had them (`campaignName` only when given). */
  entry(): LedgerEntry {
    const { api, to, messageId, text, parts, campaignName, at, times } = this;
    return campaignName === undefined
      ? { api, to, messageId, text, parts, at, times }
      : { api, to, messageId, text, parts, campaignName, at, times };
  }
}

/**
 * Every recipient the sandbox accepted. The key is (api, recipient digits, campaignName,
 * final text): a second accepted send of the same text to the same number in the same
 * campaign counts as `times: 2`, whether or not the number was written with a '+'.
 * A send without campaignName has campaignName ''.
 *
 * A send records every recipient it accepts, so the lookup goes by the digits alone
 * (a short string) and compares the rest only among that number's messages: no key
 * string is built per recipient, and the entries are built only when listed.
 */
export class Ledger {
  private readonly byDigits = new Map<string, Kept | Kept[]>();
  private readonly kept: Kept[] = [];

  record(entry: Omit<LedgerEntry, 'times'>): void {
    const { api, to, text } = entry;
    const digits = to.charCodeAt(0) === 43 /* '+' */ ? to.slice(1) : to;
    const campaign = entry.campaignName ?? '';
    const same = this.byDigits.get(digits);
    const existing = Array.isArray(same)
      ? same.find((k) => k.is(api, campaign, text))
      : same?.is(api, campaign, text)
        ? same
        : undefined;
    if (existing) {
      existing.times += 1;
      return;
    }
    const kept = new Kept(
      api,
      to,
      entry.messageId,
      text,
      entry.parts,
      entry.campaignName,
      entry.at,
    );
    this.kept.push(kept);
    if (same === undefined) this.byDigits.set(digits, kept);
    else if (Array.isArray(same)) same.push(kept);
    else this.byDigits.set(digits, [same, kept]);
  }

  list(): LedgerEntry[] {
    return this.kept.map((k) => k.entry());
  }
}
