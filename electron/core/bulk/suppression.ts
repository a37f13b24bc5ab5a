import type { Db } from '../db/connection';
import { phoneKey } from '../sync/phone-key';
import { listSuppressions } from '../sync/suppression';
import type { SuppressionLookup } from './row-check';

/**
 * The account's suppression list (opt-outs and the synced provider
 * blacklist, helper E's table) loaded once for a bulk run, with the reason
 * kept so the report can say which list a row is on.
 */
export function suppressionLookup(db: Db, accountId: number): SuppressionLookup {
  const byKey = new Map(listSuppressions(db, accountId).map((s) => [s.phone, s]));
  return (recipient) => {
    const s = byKey.get(phoneKey(recipient));
    if (!s) return null;
    const blacklist = s.reason === 'provider-blacklist';
    const detail = blacklist
      ? `+${recipient} is on the provider's blacklist; the provider would refuse it.`
      : `+${recipient} is on the account's suppression list (${s.reason === 'opt-out-keyword' ? 'they replied with an opt-out keyword' : 'added by hand'}${s.detail ? `: ${s.detail}` : ''}).`;
    return { blacklist, detail };
  };
}
