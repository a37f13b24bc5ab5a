import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts/repository';
import type { Db } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { attachEvents, detachEvents, type EventSink } from '../../../electron/core/events/sink';
import { enqueueMessages, type NewMessage } from '../../../electron/core/outbox/enqueue';
import { FIELDS_JSON_SQL, TEMPLATE_SQL } from '../../../electron/core/outbox/fields';
import { ROWS_PER_INSERT } from '../../../electron/core/outbox/queued-rows';
import { tempDir } from '../../helpers/temp-dir';

// The enqueue writes many rows per statement and gives each row its id itself:
// whatever the count (a full statement, a part of one, several), every id it
// returns must be the row of that recipient, and a send is still all or nothing.

let dir: ReturnType<typeof tempDir>;
let db: Db;
let accountId: number;

beforeAll(() => {
  dir = tempDir('outpost-enqueue-rows-');
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

let serial = 0;

function message(overrides: Partial<NewMessage> = {}): NewMessage {
  serial++;
  return {
    accountId,
    recipient: `3466${String(serial).padStart(7, '0')}`,
    sender: 'SHOP',
    template: 'Hola {name}',
    fields: { name: `N${serial}` },
    body: `Hola N${serial}`,
    encoding: 'gsm',
    segments: 1,
    maxParts: 1,
    ...overrides,
  };
}

const countRows = () => Number(db.prepare('SELECT count(*) FROM messages').pluck().get());

interface ReadBack {
  recipient: string;
  body: string;
  state: string;
  fields: string;
  template: string;
}

function readBack(id: number): ReadBack {
  return db
    .prepare(
      `SELECT recipient, body, state, ${FIELDS_JSON_SQL} AS fields, ${TEMPLATE_SQL} AS template
         FROM messages m WHERE m.id = ?`,
    )
    .get(id) as ReadBack;
}

describe('enqueue writes each recipient as its own row, in any count', () => {
  it('returns, for every count around the rows per statement, the id of each recipient’s own row', () => {
    const sizes = fc.oneof(
      fc.integer({ min: 0, max: 3 * ROWS_PER_INSERT + 7 }),
      fc.constantFrom(
        ROWS_PER_INSERT - 1,
        ROWS_PER_INSERT,
        ROWS_PER_INSERT + 1,
        2 * ROWS_PER_INSERT,
      ),
    );
    const text = fc.constantFrom('Hola {name}', 'Pedido {order}');
    fc.assert(
      fc.property(fc.array(fc.tuple(sizes, text), { minLength: 1, maxLength: 3 }), (sends) => {
        for (const [size, template] of sends) {
          const before = countRows();
          const batch = Array.from({ length: size }, () => message({ template }));
          const ids = enqueueMessages(db, batch);
          expect(ids).toHaveLength(size);
          expect(new Set(ids).size).toBe(size);
          expect(countRows()).toBe(before + size);
          batch.forEach((m, i) => {
            const row = readBack(ids[i] as number);
            expect(row).toEqual({
              recipient: m.recipient,
              body: m.body,
              state: 'queued',
              fields: JSON.stringify(m.fields),
              template,
            });
          });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('writes none of a send when one row past the first statement is refused', () => {
    const before = countRows();
    const batch = Array.from({ length: 2 * ROWS_PER_INSERT + 10 }, () => message());
    batch[ROWS_PER_INSERT + 3] = message({ segments: 0 });
    expect(() => enqueueMessages(db, batch)).toThrow(/CHECK/);
    expect(countRows()).toBe(before);
  });

  it('writes none of a send when a row in the last, partly filled statement names no account', () => {
    const before = countRows();
    const batch = Array.from({ length: ROWS_PER_INSERT + 10 }, () => message());
    batch[ROWS_PER_INSERT + 5] = message({ accountId: accountId + 1000 });
    expect(() => enqueueMessages(db, batch)).toThrow(/FOREIGN KEY/);
    expect(countRows()).toBe(before);
  });

  it('numbers the rows after the newest one, as SQLite would, also after a failed send', () => {
    const newest = Number(db.prepare('SELECT max(id) FROM messages').pluck().get() ?? 0);
    const ids = enqueueMessages(db, [message(), message()]);
    expect(ids).toEqual([newest + 1, newest + 2]);
  });
});

/** A sink that records the outbox announcements and ignores the rest. */
function recordingSink(seen: (readonly number[] | 'all')[]): EventSink {
  const ignore = () => {};
  return {
    emit: ignore,
    outboxChanged: (ids) => seen.push(ids),
    deliveryUpdated: ignore,
    jobChanged: ignore,
    syncProgress: ignore,
    contactsChanged: ignore,
    suppressionsChanged: ignore,
    inbound: ignore,
  };
}

describe('a send with a row naming no account or no job (refused at commit since 015)', () => {
  it('writes and announces none of it, wherever that row is and however many rows there are', () => {
    const seen: (readonly number[] | 'all')[] = [];
    attachEvents(db, recordingSink(seen));
    try {
      const send = fc.record({
        size: fc.integer({ min: 1, max: 3 * ROWS_PER_INSERT + 7 }),
        at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        missing: fc.constantFrom('account', 'job'),
      });
      fc.assert(
        fc.property(send, ({ size, at, missing }) => {
          const before = countRows();
          const batch = Array.from({ length: size }, () => message());
          batch[Math.floor(at * size)] =
            missing === 'account'
              ? message({ accountId: accountId + 1000 })
              : message({ jobId: 9999 });
          expect(() => enqueueMessages(db, batch)).toThrow(/FOREIGN KEY/);
          expect(countRows()).toBe(before);
          expect(db.inTransaction).toBe(false);
          expect(seen).toEqual([]);
        }),
        { numRuns: 30 },
      );
      const ids = enqueueMessages(db, [message(), message()]);
      expect(seen).toEqual([ids]);
    } finally {
      detachEvents(db);
    }
  });
});
