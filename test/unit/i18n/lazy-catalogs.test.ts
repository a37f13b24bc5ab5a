import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadCallback } from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../renderer/src/i18n/catalogs';
import { LAZY_NAMESPACES, lazyCatalogs } from '../../../renderer/src/i18n/lazy-catalogs';
import { START_NAMESPACES } from '../../../renderer/src/i18n/start-catalogs';

const read = (language: string, namespace: string) =>
  new Promise<unknown>((resolve, reject) => {
    const done: ReadCallback = (error, data) => (error ? reject(error) : resolve(data));
    lazyCatalogs.read(language, namespace, done);
  });

describe('the catalogs the renderer bundles at start and fetches later', () => {
  it('cover every catalog file of every language between them, once', () => {
    for (const language of ['en', 'es']) {
      const files = readdirSync(join(__dirname, '../../../renderer/src/i18n', language))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.replace(/\.json$/, ''))
        .sort();
      expect([...START_NAMESPACES, ...LAZY_NAMESPACES].sort()).toEqual(files);
    }
  });

  it('fetch the same texts the full catalogs hold, and name what they cannot find', async () => {
    for (const ns of LAZY_NAMESPACES)
      expect(await read('es', ns)).toEqual(resources.es[ns as keyof typeof resources.es]);
    await expect(read('fr', 'outbox')).rejects.toThrow('No "outbox" catalog for language "fr".');
    await expect(read('en', 'nothing')).rejects.toThrow('No "nothing" catalog for language "en".');
  });
});
