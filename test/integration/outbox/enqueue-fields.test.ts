import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { enqueueMessages, type NewMessage } from '../../../electron/core/outbox/enqueue';
import { FIELDS_JSON_SQL, TEMPLATE_SQL } from '../../../electron/core/outbox/fields';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let accountId: number;

beforeAll(() => {
  dir = tempDir('outpost-enqueue-fields-');
  db = openAppDatabase(dir.path);
  accountId = addAccount(db, {
    name: 'A',
    provider: 'nrs',
    baseUrl: 'http://127.0.0.1:9',
    username: 'u',
    secretRef: 'env:X',
  }).id;
});
afterAll(() => {
  db.close();
  dir.remove();
});

/** Field names a CSV header could give (a few, so consecutive rows often share or swap them). */
const name = fc.constantFrom('name', 'order', 'Nombre', 'total €', '2', '10', 'a"b', 'x\\y');
const value = fc.string({ unit: 'grapheme', maxLength: 12 });
const fields = fc.dictionary(name, value, { maxKeys: 4 });
const template = fc.constantFrom('Hola {name}', 'Pedido {order}', 'Hi');

function message(i: number, text: string, f: Record<string, string>): NewMessage {
  return {
    accountId,
    recipient: `3466${String(i).padStart(7, '0')}`,
    sender: 'SHOP',
    template: text,
    fields: f,
    body: text,
    encoding: 'ucs2',
    segments: 1,
    maxParts: 1,
  };
}

describe('enqueue keeps every recipient’s own fields and template', () => {
  // The enqueue reuses the previous row's template when the text and the keys
  // (in order) are the same: rows whose keys differ, or come in another order,
  // or are a subset, must still read back exactly their own fields.
  it('reads back each row’s fields and template as given, in any sequence of rows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(template, fields), { minLength: 1, maxLength: 30 }), (rows) => {
        const ids = enqueueMessages(
          db,
          rows.map(([text, f], i) => message(i, text, f)),
        );
        const read = db.prepare(
          `SELECT ${FIELDS_JSON_SQL} AS fields, ${TEMPLATE_SQL} AS template FROM messages m WHERE m.id = ?`,
        );
        rows.forEach(([text, f], i) => {
          const row = read.get(ids[i]) as { fields: string; template: string };
          expect(JSON.parse(row.fields)).toEqual(f);
          expect(row.template).toBe(text);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('gives rows with the same keys in another order the same template row', () => {
    const [a = 0, b = 0] = enqueueMessages(db, [
      message(1, 'Hola {name}', { name: 'Ana', order: '7' }),
      message(2, 'Hola {name}', { order: '8', name: 'Luis' }),
    ]);
    const templateOf = db.prepare('SELECT template_id FROM messages WHERE id = ?').pluck();
    expect(templateOf.get(a)).toBe(templateOf.get(b));
  });
});
