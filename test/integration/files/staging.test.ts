import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreContext } from '../../../electron/core/context';
import { FileStaging, STAGING_FOLDER } from '../../../electron/core/files/staging';
import { createDispatcher } from '../../../electron/core/ipc/dispatch';
import { createHandlers } from '../../../electron/core/ipc/handlers';
import { MemoryVault } from '../../../electron/core/vault/memory-vault';
import { STAGE_CHUNK_BYTES } from '../../../shared/ipc/schemas/files';
import { tempDir } from '../../helpers/temp-dir';

const dirs: ReturnType<typeof tempDir>[] = [];
const cores: CoreContext[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) dir.remove();
});

function profile() {
  const dir = tempDir('outpost-staging-');
  dirs.push(dir);
  const core = new CoreContext({ dataDir: dir.path, version: 'test', vault: new MemoryVault() });
  cores.push(core);
  const dispatch = createDispatcher(createHandlers(core));
  return { dir: dir.path, core, dispatch };
}

/** What renderer/src/lib/stage-file.ts does, over the dispatcher. */
async function stage(
  dispatch: ReturnType<typeof createDispatcher>,
  name: string,
  content: Buffer,
  chunk = STAGE_CHUNK_BYTES,
) {
  let token: string | undefined;
  let offset = 0;
  do {
    const r = await dispatch('files.stage', {
      ...(token ? { token } : {}),
      name,
      size: content.length,
      offset,
      data: content.subarray(offset, offset + chunk).toString('base64'),
    });
    if (!r.ok) throw new Error(r.error.message);
    const value = r.value as { token: string; received: number; complete: boolean };
    token = value.token;
    offset = value.received;
    if (value.complete) return value.token;
  } while (offset < content.length);
  throw new Error('never completed');
}

describe('files.stage / files.discard', () => {
  it('puts the bytes of a chunked upload, unchanged, in a private file known only by its token', async () => {
    const { core, dispatch } = profile();
    // Windows-1252 bytes that are not valid UTF-8, over three chunks.
    const content = Buffer.concat([
      Buffer.from('teléfono;nombre\r\n', 'latin1'),
      Buffer.alloc(2500, 0xe9),
    ]);
    const token = await stage(dispatch, 'clientes.csv', content, 1000);
    const file = core.staging.file(token);
    expect(file.name).toBe('clientes.csv');
    expect(file.size).toBe(content.length);
    expect(readFileSync(file.path).equals(content)).toBe(true);
    if (process.platform !== 'win32') {
      expect(statSync(file.path).mode & 0o777).toBe(0o600);
      expect(statSync(join(file.path, '..')).mode & 0o777).toBe(0o700);
    }
    const discarded = await dispatch('files.discard', { token });
    expect(discarded).toEqual({ ok: true, value: { discarded: true } });
    expect(existsSync(file.path)).toBe(false);
    expect(await dispatch('files.discard', { token })).toEqual({
      ok: true,
      value: { discarded: false },
    });
    expect(() => core.staging.file(token)).toThrow(/no longer available/);
  });

  it('stages an empty file in one call', async () => {
    const { core, dispatch } = profile();
    const token = await stage(dispatch, 'empty.csv', Buffer.alloc(0));
    expect(core.staging.file(token).size).toBe(0);
  });

  it('refuses chunks out of order, bytes past the declared size, a file over the limit, and a token it did not make', async () => {
    const { core, dispatch } = profile();
    const first = await dispatch('files.stage', {
      name: 'a.csv',
      size: 10,
      offset: 0,
      data: 'YWJj',
    });
    expect(first.ok).toBe(true);
    const token = (first as { value: { token: string } }).value.token;
    const skipped = await dispatch('files.stage', {
      token,
      name: 'a.csv',
      size: 10,
      offset: 7,
      data: 'YWJj',
    });
    expect(skipped).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/out of order.*expected byte 3/) },
    });
    expect(() => core.staging.file(token)).toThrow(/has not finished uploading \(3 of 10 bytes\)/);

    const tooMuch = await dispatch('files.stage', {
      token,
      name: 'a.csv',
      size: 10,
      offset: 3,
      data: Buffer.alloc(8).toString('base64'),
    });
    expect(tooMuch).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/more than its size/) },
    });
    expect(core.staging.size).toBe(0);

    const huge = await dispatch('files.stage', {
      name: 'huge.csv',
      size: 300 * 1024 * 1024,
      offset: 0,
      data: '',
    });
    expect(huge).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/“huge\.csv” is 300 MB; files up to 100 MB/) },
    });

    const forged = await dispatch('files.stage', {
      token: 'f'.repeat(32),
      name: 'x',
      size: 1,
      offset: 0,
      data: 'eA==',
    });
    expect(forged).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no longer available/) },
    });
    const notAToken = await dispatch('files.discard', { token: '../outpost.sqlite' });
    expect(notAToken).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('clears what a previous run left in the staging folder when the app starts', async () => {
    const { dir, core } = profile();
    mkdirSync(join(dir, STAGING_FOLDER), { recursive: true });
    writeFileSync(join(dir, STAGING_FOLDER, `${'a'.repeat(32)}.upload`), 'left by a crash');
    core.startBackground();
    expect(readdirSync(join(dir, STAGING_FOLDER))).toEqual([]);
  });
});

describe('FileStaging bounds', () => {
  const limits = { maxBytes: 100, maxTotalBytes: 250, idleMs: 1_000 };
  const chunkOf = (size: number, token?: string) => ({
    ...(token ? { token } : {}),
    name: 'f.csv',
    size,
    offset: 0,
    data: Buffer.alloc(size, 1).toString('base64'),
  });

  it('drops the least recently used files when the total would pass its limit', () => {
    const dir = tempDir('outpost-staging-');
    dirs.push(dir);
    let now = 0;
    const staging = new FileStaging(dir.path, limits, () => now);
    const a = staging.write(chunkOf(100)).token;
    now = 1;
    const b = staging.write(chunkOf(100)).token;
    now = 2;
    staging.file(a); // a is used again: b is now the oldest
    now = 3;
    const c = staging.write(chunkOf(100)).token;
    expect(() => staging.file(b)).toThrow(/no longer available/);
    expect(staging.file(a).size).toBe(100);
    expect(staging.file(c).size).toBe(100);
    expect(readdirSync(staging.folder)).toHaveLength(2);
  });

  it('drops a file left untouched past the idle time, without any timer', () => {
    const dir = tempDir('outpost-staging-');
    dirs.push(dir);
    let now = 0;
    const staging = new FileStaging(dir.path, limits, () => now);
    const a = staging.write(chunkOf(10)).token;
    now = 1_001;
    expect(() => staging.file(a)).toThrow(/no longer available/);
    expect(readdirSync(staging.folder)).toEqual([]);
  });

  it('holds nothing more after a thousand stage-and-discard cycles', () => {
    const dir = tempDir('outpost-staging-');
    dirs.push(dir);
    const staging = new FileStaging(dir.path, limits);
    for (let i = 0; i < 1_000; i++) staging.discard(staging.write(chunkOf(50)).token);
    expect(staging.size).toBe(0);
    expect(readdirSync(staging.folder)).toEqual([]);
  });
});
