import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreContext } from '../../../electron/core/context';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { createDispatcher } from '../../../electron/core/ipc/dispatch';
import { createHandlers } from '../../../electron/core/ipc/handlers';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let core: CoreContext;
beforeEach(() => {
  dir = tempDir();
  core = new CoreContext({ dataDir: dir.path, version: '3.2.1' });
});
afterEach(async () => {
  await core.close();
  dir.remove();
});

describe('the handler table behind window.outpost', () => {
  it('app.info names the version, the data folder and the schema', async () => {
    const dispatch = createDispatcher(createHandlers(core));
    expect(await dispatch('app.info', {})).toEqual({
      ok: true,
      value: {
        name: 'Outpost',
        version: '3.2.1',
        dataDir: dir.path,
        schemaVersion: LATEST_SCHEMA_VERSION,
      },
    });
  });

  it('db.health counts the rows of every user table and none of the FTS internals', async () => {
    core.db.exec(`INSERT INTO drafts (body, updated_at) VALUES ('one', 0), ('two', 0)`);
    const result = await createDispatcher(createHandlers(core))('db.health', {});
    if (!result.ok) throw new Error(result.error.message);
    const health = result.value as { counts: Record<string, number>; sizeBytes: number };
    expect(health.counts).toMatchObject({ accounts: 0, drafts: 2, messages: 0, contacts: 0 });
    expect(Object.keys(health.counts).filter((t) => /_fts(_|$)/.test(t))).toEqual([]);
    expect(health.sizeBytes).toBeGreaterThan(0);
  });
});
