import type { Migration } from './index';

/**
 * One recipient index instead of two (issue 15). Migration 012 added
 * `messages_by_account_recipient (account_id, recipient, id)` for the inbox's
 * threads beside `messages_by_recipient (recipient, created_at)`: every row
 * entered both, and a queued row paid for four index entries. The account-first
 * index also drew the planner away from the queue's own index: the claim's
 * batch query and the next-wake query walked every row of the account (sent
 * ones too) instead of the queued ones (`messages_due`), and sorted them.
 *
 * `(recipient, account_id)` serves every query that looks rows up by number
 * (a thread is one account and one number; its rows come in id order, which
 * SQLite keeps after the indexed columns), and the threads list scans it as a
 * covering index grouped by (recipient, account). The queries that filter by
 * account alone (reports, a sender refused) scan the table as they did before
 * 012; the reports' cost is the per-row country lookup, not the scan
 * (bench/outbox-queries.bench.ts prints both schemas side by side).
 */
export const m013OneRecipientIndex: Migration = {
  version: 13,
  name: 'outbox: one index by recipient and account',
  sql: `
    DROP INDEX messages_by_account_recipient;
    DROP INDEX messages_by_recipient;
    CREATE INDEX messages_by_recipient ON messages (recipient, account_id);
  `,
};
