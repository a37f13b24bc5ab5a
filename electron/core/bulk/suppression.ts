import type { Db } from '../db/connection';
import { suppressionRefusal } from '../suppressions/refusal';
import { phoneKey } from '../sync/phone-key';
import { listSuppressions } from '../sync/suppression';
import type { SuppressionLookup } from './row-check';

/**
 * The account's suppression list (opt-outs, numbers added by hand and the synced
 * provider blacklist) loaded once for a bulk run. Each row is judged by the same
 * rule and sentence as a single send (`suppressionRefusal`): why, and since when.
 */
export function suppressionLookup(db: Db, accountId: number): SuppressionLookup {
  const byKey = new Map(listSuppressions(db, accountId).map((s) => [s.phone, s]));
  return (recipient) => {
    const s = byKey.get(phoneKey(recipient));
    if (!s) return null;
    return {
      blacklist: s.reason === 'provider-blacklist',
      detail: suppressionRefusal(s, recipient),
    };
  };
}
