import type { Migration } from './index';

/**
 * What a send carries to the provider beyond its text (issue 9): the campaign
 * it is counted in, how long it stays valid, and where its schedule is kept.
 */
export const m005ProviderScheduling: Migration = {
  version: 5,
  name: 'outbox: campaign, validity, schedule at the provider',
  sql: `
    -- the provider's campaignName: the bulk job's name, or the single send's (default 'Outpost')
    ALTER TABLE messages ADD COLUMN campaign_name TEXT;
    -- the end of validity (360nrs expirationDate); past it, nothing is sent and the row ends expired
    ALTER TABLE messages ADD COLUMN expires_at INTEGER;
    -- where scheduled_for is kept: 'provider' (handed over with scheduleDate at once) or 'local'
    ALTER TABLE messages ADD COLUMN schedule_mode TEXT CHECK (schedule_mode IN ('provider', 'local'));
    -- a scheduled message that could only go out after its time (offline): by how much
    ALTER TABLE messages ADD COLUMN late_by_ms INTEGER;
    CREATE INDEX messages_at_provider ON messages (account_id, scheduled_for)
      WHERE state = 'accepted' AND schedule_mode = 'provider';
  `,
};
