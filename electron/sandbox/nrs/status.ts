import { json, type SandboxReply, type SandboxRequest } from '../http-types';
import { nrsError } from './errors';
import { smsStatusView } from './messages';
import type { NrsStore } from './store';

/**
 * GET /api/rest/sms/<id,id,...> (seed 003 line 397). Unknown ids are left out; when
 * none is known the answer is the seed's 404 body.
 */
export function smsStatus(store: NrsStore, req: SandboxRequest, ids: string): SandboxReply {
  const now = store.ctx.clock.now();
  const data = ids
    .split(',')
    .map((id) => store.messages.get(id.trim()))
    .filter((rec) => rec !== undefined)
    .map((rec) => smsStatusView(rec, now, store.ctx.delivery, req.baseUrl));
  return data.length > 0 ? json(200, { data }) : nrsError(404);
}
