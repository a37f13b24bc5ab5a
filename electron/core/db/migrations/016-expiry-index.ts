import type { Migration } from './index';

/**
 * Expiry without a walk of the queue (issue 15). `expireOverdue` runs when a
 * drain starts and once a second while it runs; with no index on
 * `expires_at` it read every queued row through `messages_due` (1.8 ms for
 * 10,000 queued, on the event loop, ahead of the first request). Only queued
 * rows that have a validity enter this index, so a queue without validities
 * (most of them) pays nothing for it on enqueue, claim or settle.
 */
export const m016ExpiryIndex: Migration = {
  version: 16,
  name: 'outbox: an index of the queued rows that have a validity',
  sql: `
    CREATE INDEX messages_to_expire ON messages (expires_at)
      WHERE state = 'queued' AND expires_at IS NOT NULL;
  `,
};
