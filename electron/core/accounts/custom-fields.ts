import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';

/**
 * An action-API account's map from local custom-field names (what contacts and
 * CSV columns call them) to the provider's custom-field ids (seed 000 line 5:
 * `Custom` is keyed by id). The API cannot list its fields, so the person enters
 * each id once, from the provider's dashboard.
 */
export type CustomFieldMap = Record<string, string>;

export class CustomFieldMapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CustomFieldMapError';
  }
}

const NAME = /^[^\s=][^=]{0,63}$/;
const PROVIDER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function getCustomFieldMap(db: Db, accountId: number): CustomFieldMap {
  const rows = db
    .prepare(
      'SELECT local_name, provider_id FROM account_custom_fields WHERE account_id = ? ORDER BY local_name',
    )
    .all(accountId) as { local_name: string; provider_id: string }[];
  return Object.fromEntries(rows.map((r) => [r.local_name, r.provider_id]));
}

/** Checks one pair; a provider id of '' means "remove this field's mapping". */
export function checkMapping(localName: string, providerId: string): void {
  if (!NAME.test(localName.trim())) {
    throw new CustomFieldMapError(
      `"${localName}" is not a usable field name: 1 to 64 characters, no "=" and not starting with a space.`,
    );
  }
  if (providerId !== '' && !PROVIDER_ID.test(providerId)) {
    throw new CustomFieldMapError(
      `"${providerId}" is not a custom-field id: use the id the provider's dashboard shows (letters, digits, "-" or "_").`,
    );
  }
}

/**
 * Sets some mappings (an empty id removes one) and keeps the others, in one
 * transaction; two local names may not share a provider id. Returns the whole map.
 */
export function updateCustomFieldMap(
  db: Db,
  accountId: number,
  changes: CustomFieldMap,
): CustomFieldMap {
  for (const [name, id] of Object.entries(changes)) checkMapping(name, id);
  return writeTransaction(db, () => {
    const remove = db.prepare(
      'DELETE FROM account_custom_fields WHERE account_id = ? AND local_name = ?',
    );
    const put = db.prepare(
      `INSERT INTO account_custom_fields (account_id, local_name, provider_id) VALUES (?, ?, ?)
       ON CONFLICT (account_id, local_name) DO UPDATE SET provider_id = excluded.provider_id`,
    );
    const entries = Object.entries(changes).map(([n, id]) => [n.trim(), id] as const);
    for (const [name] of entries) remove.run(accountId, name);
    for (const [name, id] of entries) {
      if (id === '') continue;
      const owner = db
        .prepare(
          'SELECT local_name FROM account_custom_fields WHERE account_id = ? AND provider_id = ?',
        )
        .pluck()
        .get(accountId, id) as string | undefined;
      if (owner !== undefined) {
        throw new CustomFieldMapError(
          `The provider's field ${id} is already mapped to "${owner}"; remove that mapping first (--set ${owner}=).`,
        );
      }
      put.run(accountId, name, id);
    }
    return getCustomFieldMap(db, accountId);
  });
}

/** Replaces the whole map (the Settings view saves the table it shows). */
export function replaceCustomFieldMap(
  db: Db,
  accountId: number,
  map: CustomFieldMap,
): CustomFieldMap {
  return writeTransaction(db, () => {
    db.prepare('DELETE FROM account_custom_fields WHERE account_id = ?').run(accountId);
    return updateCustomFieldMap(db, accountId, map);
  });
}
