import { describe, expect, it } from 'vitest';
import {
  blacklistStateOf,
  pushAllBlacklistChanges,
} from '../../../electron/core/suppressions/blacklist-push';
import {
  addManagedSuppression,
  removeManagedSuppression,
} from '../../../electron/core/suppressions/manage';
import { syncConversations } from '../../../electron/core/sync/conversations/sync';
import { syncWorldForThisFile } from './helpers';

const world = syncWorldForThisFile();
const push = () => pushAllBlacklistChanges(world.db, () => world.adapter);

async function onProviderBlacklist(recipient: string): Promise<boolean> {
  const page = await world.adapter.listBlacklist('sms', { recipient });
  return page.items.some((e) => e.recipient === recipient);
}

describe('suppressions reach the provider blacklist (seed 003 PUT line 5264, DELETE line 5401)', () => {
  it('a suppression added while the provider refuses us stays queued, and gets there once it accepts us', async () => {
    world.sb.setAllowIps(['10.0.0.1']); // this computer's address is not allowed: 112
    addManagedSuppression(world.db, { phone: '+34 655 100 200', reason: 'asked in the shop' });
    const refused = await push();
    expect(refused.get(world.accountId)).toMatchObject({ pushed: 0, remaining: 1 });
    expect(blacklistStateOf(world.db, world.accountId, '34655100200')?.state).toBe('pending');

    world.sb.setAllowIps(['127.0.0.1']);
    expect((await push()).get(world.accountId)).toMatchObject({ pushed: 1, remaining: 0 });
    expect(await onProviderBlacklist('34655100200')).toBe(true);
    expect(blacklistStateOf(world.db, world.accountId, '34655100200')?.state).toBe('done');
  });

  it('removing takes it off; a remove queued after an unpushed add replaces it', async () => {
    removeManagedSuppression(world.db, { phone: '34655100200' });
    await push();
    expect(await onProviderBlacklist('34655100200')).toBe(false);

    addManagedSuppression(world.db, { phone: '+34655100201' });
    removeManagedSuppression(world.db, { phone: '+34655100201' });
    const before = world.sb.requestCount({
      method: 'PUT',
      pathPrefix: '/nrs/api/rest/v2/blacklist',
    });
    await push();
    expect(world.sb.requestCount({ method: 'PUT', pathPrefix: '/nrs/api/rest/v2/blacklist' })).toBe(
      before,
    );
    expect(await onProviderBlacklist('34655100201')).toBe(false);
  });

  it('an opt-out reply (STOP) is queued for the blacklist with the suppression, and pushed', async () => {
    world.clock.advance(1_000);
    world.sb.addInboundWhatsApp('34655100300', '34666777555', 'STOP');
    await syncConversations(world.db, world.accountId, world.adapter, {
      now: () => world.clock.now(),
    });
    expect(blacklistStateOf(world.db, world.accountId, '34655100300')?.state).toBe('pending');
    await push();
    expect(await onProviderBlacklist('34655100300')).toBe(true);
  });
});
