import type { Db } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import { isDeleted, type RemoteVersion, resolveConflict } from './conflicts';
import { type FlatFields, valueIn } from './model';
import { readContact, writeLocalFields } from './store';

export type FieldChoice = 'local' | 'remote';

/**
 * The person's choice per conflicting field (see the rule in conflicts.ts).
 * A field kept from the provider leaves the pending change and takes the
 * provider's value here; the fields kept from this computer (and any other
 * field the person changed that did not clash) are pushed over the
 * provider's. All from one side is that side's plain resolution.
 */
export function resolveConflictByField(
  db: Db,
  conflictId: number,
  choices: Record<string, FieldChoice>,
  now = Date.now(),
): void {
  writeTransaction(db, () => {
    const k = db
      .prepare(
        `SELECT k.fields, k.remote_version, p.id AS change_id, p.patch, p.op, k.contact_id
         FROM contact_conflicts k JOIN pending_changes p ON p.id = k.change_id
         WHERE k.id = ? AND k.resolved_at IS NULL`,
      )
      .get(conflictId) as
      | {
          fields: string;
          remote_version: string;
          change_id: number;
          patch: string;
          op: string;
          contact_id: number | null;
        }
      | undefined;
    if (!k) throw new Error('That conflict does not exist or was already resolved.');
    const fields = JSON.parse(k.fields) as string[];
    const missing = fields.filter((f) => choices[f] === undefined);
    if (missing.length > 0) {
      throw new Error(`Choose which version to keep for ${missing.join(', ')}.`);
    }
    const remote = JSON.parse(k.remote_version) as RemoteVersion;
    const fromRemote = fields.filter((f) => choices[f] === 'remote');
    if (isDeleted(remote)) {
      // Nothing to merge with: the contact is either created again or let go.
      resolveConflict(db, conflictId, fromRemote.length > 0 ? 'remote' : 'local', now);
      return;
    }
    const patch = JSON.parse(k.patch) as FlatFields;
    for (const f of fromRemote) delete patch[f];
    if (Object.keys(patch).length === 0) {
      resolveConflict(db, conflictId, 'remote', now);
      return;
    }
    db.prepare('UPDATE pending_changes SET patch = ? WHERE id = ?').run(
      JSON.stringify(patch),
      k.change_id,
    );
    const row = k.contact_id === null ? undefined : readContact(db, k.contact_id);
    if (row && fromRemote.length > 0) {
      const taken: FlatFields = {};
      for (const f of fromRemote) taken[f] = valueIn(remote, f);
      writeLocalFields(db, row, taken, now);
    }
    // What is left is the person's: re-based on the provider's version, pushed next.
    resolveConflict(db, conflictId, 'local', now);
  });
}
