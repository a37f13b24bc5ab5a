import type { ProviderKind } from '../../../../shared/domain/capabilities';
import type { Contact } from '../../../../shared/domain/contact';
import type { Db } from '../../db/connection';
import { writeTransaction } from '../../db/transaction';
import type { CallOptions, ProviderAdapter } from '../../providers/types';
import { conflictingFields, recordConflict } from './conflicts';
import { type FlatFields, type RemoteSnapshot, sameContent, snapshotOf } from './model';
import { OPEN_STATES, openChangesByContact, type PendingRow, pendingDeletes } from './pending';
import { BookIds, writeFromRemote } from './store';

export interface PullProgress {
  page: number;
  /** When the provider says. */
  totalPages?: number;
  contactsSoFar: number;
  total?: number;
}

export interface PullReport {
  /** False when the provider cannot list contacts (nothing was done). */
  supported: boolean;
  books: number;
  contacts: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Local contacts removed because the provider no longer has them. */
  removed: number;
  /** Offline edits found clashing with a change at the provider. */
  conflicts: number;
  pages: number;
}

/**
 * The largest page each provider documents (360nrs: `limit` up to 1000, seed
 * 003 line 3185). Others get their adapter's default: an API that silently
 * clamps a larger `limit` and gives no total would look finished after page 1.
 */
const LARGEST_PAGE: Partial<Record<ProviderKind, number>> = { nrs: 1000 };

export interface PullOptions extends CallOptions {
  now?: () => number;
  /** Contacts per request. Default: see LARGEST_PAGE. */
  pageSize?: number;
  /** Bound on pages read. Default 10 000. */
  maxPages?: number;
}

/**
 * Pulls the account's contact books and contacts, page by page, one
 * transaction per page (a failure keeps the pages already stored). Contacts
 * with unpushed local edits keep the person's values; a provider change to
 * the same field is recorded as a conflict (conflicts.ts). Only after the
 * LAST page is read are local contacts the provider no longer has removed,
 * so an interrupted pull never deletes anything.
 */
export async function pullContacts(
  db: Db,
  accountId: number,
  adapter: ProviderAdapter,
  onProgress?: (p: PullProgress) => void,
  options: PullOptions = {},
): Promise<PullReport> {
  const report: PullReport = {
    supported: adapter.capabilities.contactsList,
    books: 0,
    contacts: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    conflicts: 0,
    pages: 0,
  };
  if (!report.supported) return report;
  const now = options.now ?? Date.now;
  const call = options.signal ? { signal: options.signal } : {};
  const maxPages = options.maxPages ?? 10_000;
  const books = new BookIds(db, accountId);
  if (adapter.capabilities.books)
    report.books = await pullBooks(db, adapter, books, maxPages, call);
  const seen = new Set<string>();
  let complete = false;
  for (let page = 1; page <= maxPages; page++) {
    const pageSize = options.pageSize ?? LARGEST_PAGE[adapter.provider];
    const listing = await adapter.listContacts({ page, ...(pageSize ? { pageSize } : {}) }, call);
    writeTransaction(db, () => storePage(db, accountId, books, listing.items, seen, report, now()));
    report.pages++;
    report.contacts += listing.items.length;
    onProgress?.({
      page,
      ...(listing.totalPages !== undefined ? { totalPages: listing.totalPages } : {}),
      contactsSoFar: report.contacts,
      ...(listing.total !== undefined ? { total: listing.total } : {}),
    });
    if (!listing.hasMore || listing.items.length === 0) {
      complete = true;
      break;
    }
  }
  if (complete) report.removed = removeVanished(db, accountId, seen);
  return report;
}

async function pullBooks(
  db: Db,
  adapter: ProviderAdapter,
  books: BookIds,
  maxPages: number,
  call: CallOptions,
): Promise<number> {
  let count = 0;
  for (let page = 1; page <= maxPages; page++) {
    const listing = await adapter.listBooks({ page, pageSize: 1000 }, call);
    writeTransaction(db, () => {
      for (const b of listing.items) books.idFor(b);
    });
    count += listing.items.length;
    if (!listing.hasMore || listing.items.length === 0) break;
  }
  return count;
}

interface LocalRef {
  id: number;
  remote_snapshot: string | null;
}

function storePage(
  db: Db,
  accountId: number,
  books: BookIds,
  items: Contact[],
  seen: Set<string>,
  report: PullReport,
  now: number,
): void {
  const deleted = pendingDeletes(db, accountId);
  const open = openChangesByContact(db, accountId);
  const find = db.prepare(
    'SELECT id, remote_snapshot FROM contacts WHERE account_id = ? AND remote_id = ?',
  );
  for (const remote of items) {
    seen.add(remote.id);
    if (deleted.has(remote.id)) continue;
    const snapshot = snapshotOf(remote);
    const local = find.get(accountId, remote.id) as LocalRef | undefined;
    const target = { accountId, contactId: local?.id ?? null, remoteId: remote.id };
    if (!local) {
      writeFromRemote(db, books, target, snapshot, {}, now);
      report.inserted++;
      continue;
    }
    const stored =
      local.remote_snapshot === null ? null : (JSON.parse(local.remote_snapshot) as RemoteSnapshot);
    if (stored && sameContent(stored, snapshot)) {
      report.unchanged++;
      continue;
    }
    const change = open.get(local.id);
    const overlay =
      change && change.op === 'update' ? (JSON.parse(change.patch) as FlatFields) : {};
    const clashing = change?.op === 'update' ? clashes(change, snapshot) : [];
    if (change && clashing.length > 0) {
      recordConflict(db, change, clashing, snapshot, now);
      report.conflicts++;
    }
    writeFromRemote(db, books, target, snapshot, overlay, now);
    report.updated++;
  }
}

function clashes(change: PendingRow, snapshot: RemoteSnapshot): string[] {
  return conflictingFields(
    JSON.parse(change.base) as FlatFields,
    JSON.parse(change.patch) as FlatFields,
    snapshot,
  );
}

/** Contacts gone at the provider, unless the person still has an edit for them (never silently lost). */
function removeVanished(db: Db, accountId: number, seen: Set<string>): number {
  const rows = db
    .prepare(
      `SELECT c.id, c.remote_id FROM contacts c WHERE c.account_id = ? AND c.remote_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM pending_changes p WHERE p.contact_id = c.id AND p.state IN ${OPEN_STATES})`,
    )
    .all(accountId) as { id: number; remote_id: string }[];
  const gone = rows.filter((r) => !seen.has(r.remote_id));
  // An empty listing is more likely a provider fault than every contact deleted: keep them.
  if (gone.length === 0 || seen.size === 0) return 0;
  writeTransaction(db, () => {
    const del = db.prepare('DELETE FROM contacts WHERE id = ?');
    for (const r of gone) del.run(r.id);
  });
  return gone.length;
}
