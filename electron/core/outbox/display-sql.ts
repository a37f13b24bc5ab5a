import { EXPIRED_CODE } from '../../../shared/domain/message-state';

/**
 * `displayState` (shared/domain/message-state.ts) as SQL over a `messages`
 * row, with `@now` bound, so counts and filters agree with what rows show.
 */
export const displayStateSql = `(CASE
  WHEN state = 'queued' AND scheduled_for > @now THEN 'scheduled'
  WHEN state = 'accepted' AND schedule_mode = 'provider' AND scheduled_for > @now THEN 'scheduled-at-provider'
  WHEN state = 'failed' AND error_code = '${EXPIRED_CODE}' THEN 'expired'
  ELSE state END)`;
