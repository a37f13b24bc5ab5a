import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../electron/core/db/connection';
import { openAppDatabase } from '../../../electron/core/db/database';
import { migrate, SchemaTooNewError, schemaVersion } from '../../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../electron/core/db/migrations';
import { FIELDS_JSON_SQL, TEMPLATE_SQL } from '../../../electron/core/outbox/fields';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'outpost.sqlite');
});
afterEach(() => dir.remove());

/** Rows a user could have at each schema version, to prove upgrades keep them. */
const fixtures: Record<number, (db: Db) => void> = {
  1: (db) => {
    db.exec(`INSERT INTO accounts (name, provider, base_url, username, secret_ref, created_at)
             VALUES ('Main', 'nrs', 'https://api.example', 'team', 'env:NRS_PASSWORD', 0)`);
    db.exec(`INSERT INTO drafts (body, updated_at) VALUES ('unfinished', 0)`);
  },
  2: (db) => {
    db.exec(`INSERT INTO contacts (account_id, remote_id, phone, first_name, last_name)
             VALUES (1, '77', '34666555444', 'Ana', 'Pereira')`);
  },
  3: (db) => {
    db.exec(`INSERT INTO messages (account_id, recipient, sender, template, body, encoding, segments,
               max_parts, state, not_before, give_up_at, created_at, updated_at)
             VALUES (1, '34666555444', 'TEST', 'Hola', 'Hola', 'gsm', 1, 1, 'queued', 0, 0, 0, 0)`);
  },
  4: (db) => {
    db.exec(`
      INSERT INTO delivery_events (message_id, type, at, recorded_at) VALUES (1, 'sent', '2026-06-01T10:00:01+00:00', 0);
      INSERT INTO conversations (account_id, sender, person, remote_updated_at) VALUES (1, '34666777555', '34666555444', '2026-06-01T10:00:00+00:00');
      INSERT INTO conversation_messages (conversation_id, remote_id, direction, type, text) VALUES (1, 'm1', 'inbound', 'text', 'STOP');
      INSERT INTO suppressions (account_id, phone, reason, created_at) VALUES (1, '34666555444', 'opt-out-keyword', 0);
      INSERT INTO contact_tags (contact_id, tag) VALUES (1, 'vip');
      INSERT INTO pending_changes (account_id, contact_id, remote_id, op, patch, base, created_at, updated_at)
        VALUES (1, 1, '77', 'update', '{"firstName":"Ana Maria"}', '{"firstName":"Ana"}', 0, 0);
      INSERT INTO contact_conflicts (contact_id, change_id, fields, local_version, remote_version, detected_at)
        VALUES (1, 1, '["firstName"]', '{}', '{"deleted":true}', 0);`);
  },
  5: (db) => {
    db.exec(`INSERT INTO messages (account_id, recipient, sender, template, body, encoding, segments,
               max_parts, state, not_before, scheduled_for, schedule_mode, expires_at, campaign_name,
               provider_message_id, give_up_at, created_at, updated_at)
             VALUES (1, '34666555444', 'TEST', 'Hola', 'Hola', 'gsm', 1, 1, 'accepted', 0, 9e12, 'provider',
               9.1e12, 'Spring sale', 'G1', 0, 0, 0)`);
  },
  6: (db) => {
    db.exec(`
      INSERT INTO account_custom_fields (account_id, local_name, provider_id) VALUES (1, 'city', '1');
      INSERT INTO account_books (account_id, book_id, name) VALUES (1, '2', 'Customers');
      INSERT INTO blacklist_pushes (account_id, phone, op, created_at, updated_at) VALUES (1, '34666555444', 'add', 0, 0);`);
  },
  7: (db) => {
    db.exec(`INSERT INTO preferences (key, value, updated_at) VALUES ('language', '"es"', 0)`);
    // A bulk job's rows as 007 wrote them: the template and the fields repeated on each row.
    db.exec(`
      INSERT INTO bulk_jobs (account_id, name, sender, template, created_at) VALUES (1, 'Spring', 'TEST', 'Hi {name}, {code}', 0);
      INSERT INTO messages (account_id, job_id, recipient, sender, template, fields, body, encoding, segments,
          max_parts, state, not_before, give_up_at, created_at, updated_at)
        VALUES (1, 1, '34666555001', 'TEST', 'Hi {name}, {code}', '{"name":"Ana","code":"7"}', 'Hi Ana, 7', 'gsm', 1, 1, 'queued', 0, 0, 0, 0),
               (1, 1, '34666555002', 'TEST', 'Hi {name}, {code}', '{"code":"8","name":"Bea"}', 'Hi Bea, 8', 'gsm', 1, 1, 'queued', 0, 0, 0, 0);`);
  },
  8: (db) => {
    db.exec(`INSERT INTO contact_trash (undo_token, account_id, contact, delete_change_id, deleted_at)
             VALUES ('t1', 1, '{"phone":"34666555444"}', 1, 0)`);
  },
  9: (db) => {
    db.exec(`INSERT INTO drafts (body, state, updated_at, created_at)
             VALUES ('Hi {first_name}', '{"numbers":["+34666555444"]}', 5, 5)`);
  },
  10: (db) => {
    db.exec(
      `INSERT INTO message_templates (text, field_names) VALUES ('Hello {name}', '["name"]')`,
    );
  },
  11: (db) => {
    db.exec(`INSERT INTO account_prices (account_id, country_iso, country_name, currency, part_micros, fetched_at)
             VALUES (1, 'ES', 'Spain', 'EUR', 45000, 0)`);
  },
  12: (db) => {
    db.exec(`
      INSERT INTO thread_reads (thread_key, read_at) VALUES ('wa:1', 5);
      INSERT INTO whatsapp_templates (account_id, template_id, name, body) VALUES (1, 123, 'welcome', 'Hi {{1}}');
      INSERT INTO conversation_messages (conversation_id, remote_id, direction, type, text, local_state, at_ms)
        VALUES (1, 'local:1', 'outbound', 'text', 'On my way', 'sending', 0);`);
  },
  13: (db) => {
    // A second message in the thread (account 1, 34666555444), found by the one recipient index.
    db.exec(`INSERT INTO messages (account_id, recipient, sender, template_id, body, encoding, segments,
               max_parts, state, not_before, give_up_at, created_at, updated_at)
             VALUES (1, '34666555444', 'TEST', 1, 'Hola', 'gsm', 1, 1, 'queued', 0, 0, 7, 7)`);
  },
  // Migration 014: rebuilt without two per-row checks.
  14: (db) => {
    // A row of a send with merge values, and its delivery event, carried through the rebuild.
    db.exec(`
      INSERT INTO messages (account_id, recipient, sender, template_id, field_values, body, encoding, segments,
          max_parts, state, not_before, give_up_at, created_at, updated_at, provider_message_id)
        VALUES (1, '34666555003', 'TEST', 1, '["Cy"]', 'Hello Cy', 'gsm', 1, 1, 'accepted', 0, 0, 9, 9, 'P3');
      INSERT INTO delivery_events (message_id, type, at, recorded_at)
        VALUES (last_insert_rowid(), 'delivered', '2026-06-02T10:00:00+00:00', 9);`);
  },
  // Migration 015: rebuilt with deferred foreign keys; a job's row and its event carried through.
  15: (db) => {
    db.exec(`
      INSERT INTO messages (account_id, job_id, recipient, sender, template_id, field_values, body, encoding,
          segments, max_parts, state, not_before, give_up_at, created_at, updated_at)
        VALUES (1, 1, '34666555004', 'TEST', 1, '["Di"]', 'Hello Di', 'gsm', 1, 1, 'failed', 0, 0, 11, 11);
      INSERT INTO delivery_events (message_id, type, at, recorded_at)
        VALUES (last_insert_rowid(), 'failed', '2026-06-03T10:00:00+00:00', 11);`);
  },
  // Migration 016: an index only; a queued row with a validity, which enters it.
  16: (db) => {
    db.exec(`
      INSERT INTO messages (account_id, recipient, sender, body, encoding, segments, max_parts, state,
          not_before, expires_at, give_up_at, created_at, updated_at)
        VALUES (1, '34666555005', 'TEST', 'Hello', 'gsm', 1, 1, 'queued', 0, 4102444800000, 0, 12, 12);`);
  },
};

/**
 * Migration 010 moved each row's template and fields to message_templates + field_values:
 * read them back in the old shape, so the generic comparison below sees every value as before.
 */
const SNAPSHOT_SQL: Record<string, string> = {
  messages: `SELECT m.*, ${TEMPLATE_SQL} AS template, ${FIELDS_JSON_SQL} AS fields FROM messages m`,
};

/** The old columns' text may differ in key order only: compare fields as parsed JSON. */
function comparable(table: string, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  if (table !== 'messages') return rows;
  return rows.map((r) => ({
    ...r,
    fields: typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields,
  }));
}

/** Every user table (not SQLite's own, not the full-text index's) with its rows. */
function snapshot(db: Db): Map<string, Record<string, unknown>[]> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table'
         AND name NOT LIKE 'sqlite%' AND instr(name, '_fts') = 0`,
    )
    .pluck()
    .all() as string[];
  return new Map(
    tables.map((t) => {
      const lean = db
        .prepare(`SELECT 1 FROM pragma_table_info(?) WHERE name = 'template_id'`)
        .get(t);
      const sql = (lean !== undefined && SNAPSHOT_SQL[t]) || `SELECT * FROM ${t}`;
      const all = db.prepare(sql).all();
      return [t, comparable(t, all as Record<string, unknown>[])];
    }),
  );
}

/** The rows as they were, reduced to the columns they had: an upgrade may add columns, never change a value. */
function asBefore(rows: Record<string, unknown>[], columns: string[]): Record<string, unknown>[] {
  const projected = rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
  // Some tables have no rowid: compare as sets of rows.
  return projected.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('migrations', () => {
  it('are numbered 1..N without gaps, each with a fixture', () => {
    expect(migrations.map((m) => m.version)).toEqual(
      Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1),
    );
    for (const m of migrations)
      expect(fixtures[m.version], `fixture for ${m.version}`).toBeDefined();
  });

  it('bring a new database to the latest version', () => {
    const db = openAppDatabase(dir.path);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it.each(migrations.map((m) => m.version))(
    'a database created at version %i opens and upgrades with its data intact',
    (version) => {
      const old = openDatabase(file);
      for (let v = 1; v <= version; v++) {
        migrate(old, { target: v });
        fixtures[v]?.(old);
      }
      const before = [...snapshot(old)].filter(([, rows]) => rows.length > 0);
      old.close();
      // Every fixture up to this version wrote rows; each of those tables is checked below.
      expect(before.length).toBeGreaterThanOrEqual(version + 1);

      const db = openAppDatabase(dir.path);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      const after = snapshot(db);
      for (const [table, rows] of before) {
        const now = after.get(table);
        expect(now, `table ${table} is still there`).toBeDefined();
        const columns = Object.keys(rows[0] ?? {});
        expect(asBefore(now ?? [], columns), `rows of ${table}`).toEqual(asBefore(rows, columns));
      }
      expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      db.close();
    },
  );

  it('apply all pending steps in one transaction: a failing step leaves the old version whole', () => {
    const db = openDatabase(file);
    migrate(db, { target: 1 });
    const broken = [
      ...migrations,
      { version: migrations.length + 1, name: 'ok', sql: 'CREATE TABLE extra (id INTEGER)' },
      { version: migrations.length + 2, name: 'broken', sql: 'CREATE TABLE oops (' },
    ];
    expect(() => migrate(db, { migrations: broken })).toThrow();
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('contacts');
    expect(tables).not.toContain('extra');
    db.close();
  });

  it('refuse a database from a newer Outpost with a sentence saying what to do', () => {
    const db = openDatabase(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openAppDatabase(dir.path)).toThrow(SchemaTooNewError);
    expect(() => openAppDatabase(dir.path)).toThrow(/Update Outpost/);
  });

  it('index contacts for full-text search as they change', () => {
    const db = openAppDatabase(dir.path);
    fixtures[1]?.(db);
    fixtures[2]?.(db);
    const search = (q: string) =>
      db.prepare('SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?').pluck().all(q);
    expect(search('pereira')).toHaveLength(1);
    db.exec("UPDATE contacts SET last_name = 'Silva'");
    expect(search('pereira')).toHaveLength(0);
    expect(search('silva')).toHaveLength(1);
    db.close();
  });
});

describe('migration 014 (no JSON parse or template look-up per queued row)', () => {
  it('drops only the field_values check and the template foreign key, keeping every other rule', () => {
    const db = openAppDatabase(dir.path);
    fixtures[1]?.(db);
    const table = String(
      db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'messages'`).pluck().get(),
    );
    expect(table).not.toMatch(/json_valid\(field_values\)/);
    expect(table).not.toMatch(/REFERENCES message_templates/);
    const insert = (state: string, fields: string | null) =>
      db
        .prepare(`INSERT INTO messages (account_id, recipient, sender, body, encoding, segments, max_parts,
                    state, not_before, give_up_at, created_at, updated_at, fields)
                  VALUES (1, '34666555444', 'T', 'x', 'gsm', 1, 1, ?, 0, 0, 0, 0, ?)`)
        .run(state, fields);
    expect(() => insert('lost', null)).toThrow(/CHECK/);
    // The check on `fields` went in 015 (no code writes that column any more).
    expect(() =>
      db.exec(`INSERT INTO messages (account_id, recipient, sender, body, encoding, segments, max_parts,
                 state, not_before, give_up_at, created_at, updated_at)
               VALUES (99, '1', 'T', 'x', 'gsm', 1, 1, 'queued', 0, 0, 0, 0)`),
    ).toThrow(/FOREIGN KEY/);
    // delivery_events still follows its message, and goes with it.
    const id = Number(insert('accepted', null).lastInsertRowid);
    db.exec(
      `INSERT INTO delivery_events (message_id, type, at, recorded_at) VALUES (${id}, 'sent', 'a', 0)`,
    );
    db.exec(`DELETE FROM messages WHERE id = ${id}`);
    expect(db.prepare('SELECT count(*) FROM delivery_events').pluck().get()).toBe(0);
    db.close();
  });
});

/** What 015 must carry over unchanged for one table: its columns, indexes and foreign keys. */
function shapeOf(db: Db, table: string) {
  return {
    columns: db.prepare('SELECT * FROM pragma_table_xinfo(?)').all(table),
    indexes: db
      .prepare(
        `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? ORDER BY name`,
      )
      .all(table),
    foreignKeys: db.prepare('SELECT * FROM pragma_foreign_key_list(?)').all(table),
  };
}

describe('migration 015 (deferred outbox foreign keys)', () => {
  const tables = ['messages', 'delivery_events'];
  const insertRow = (db: Db, accountId: number, jobId: number | null) =>
    db
      .prepare(`INSERT INTO messages (account_id, job_id, recipient, sender, body, encoding, segments,
                  max_parts, state, not_before, give_up_at, created_at, updated_at)
                VALUES (?, ?, '34666555444', 'T', 'x', 'gsm', 1, 1, 'queued', 0, 0, 0, 0)`)
      .run(accountId, jobId);

  it('carries a version-14 outbox over with every row, column, index and key as it was', () => {
    const old = openDatabase(file);
    for (let v = 1; v <= 14; v++) {
      migrate(old, { target: v });
      fixtures[v]?.(old);
    }
    const rowsOf = (db: Db, t: string) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).all();
    const before = tables.map((t) => ({ rows: rowsOf(old, t), ...shapeOf(old, t) }));
    expect(before[0]?.rows.length).toBeGreaterThanOrEqual(5);
    expect(before[1]?.rows.length).toBeGreaterThanOrEqual(2);
    old.close();

    const db = openDatabase(file);
    migrate(db, { target: 15 });
    expect(tables.map((t) => ({ rows: rowsOf(db, t), ...shapeOf(db, t) }))).toEqual(before);
    const table = String(
      db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'messages'`).pluck().get(),
    );
    expect(table.match(/DEFERRABLE INITIALLY DEFERRED/g)).toHaveLength(2);
    expect(table).not.toMatch(/json_valid/);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    db.close();
  });

  it('still refuses, at commit, a row whose account or job does not exist, keeping nothing of it', () => {
    const db = openAppDatabase(dir.path);
    fixtures[1]?.(db);
    fixtures[7]?.(db);
    const count = () => Number(db.prepare('SELECT count(*) FROM messages').pluck().get());
    const before = count();
    const inOneTransaction = (work: () => void) => db.transaction(work).immediate();
    expect(() => inOneTransaction(() => insertRow(db, 99, null))).toThrow(/FOREIGN KEY/);
    expect(() => inOneTransaction(() => insertRow(db, 1, 99))).toThrow(/FOREIGN KEY/);
    // A good row before the bad one goes too: the whole transaction is refused.
    expect(() =>
      inOneTransaction(() => {
        insertRow(db, 1, 1);
        insertRow(db, 1, 99);
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(count()).toBe(before);
    expect(db.inTransaction).toBe(false);
    // An account or a job with messages still cannot be deleted from under them.
    expect(() => inOneTransaction(() => db.exec('DELETE FROM accounts WHERE id = 1'))).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => inOneTransaction(() => db.exec('DELETE FROM bulk_jobs WHERE id = 1'))).toThrow(
      /FOREIGN KEY/,
    );
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM bulk_jobs').pluck().get()).toBe(1);
    insertRow(db, 1, 1);
    expect(count()).toBe(before + 1);
    db.close();
  });

  it('keeps the checks on state, encoding and counts, and the events follow their message', () => {
    const db = openAppDatabase(dir.path);
    fixtures[1]?.(db);
    const insert = (state: string, encoding: string, segments: number) =>
      db
        .prepare(`INSERT INTO messages (account_id, recipient, sender, body, encoding, segments, max_parts,
                    state, not_before, give_up_at, created_at, updated_at)
                  VALUES (1, '34666555444', 'T', 'x', ?, ?, 1, ?, 0, 0, 0, 0)`)
        .run(encoding, segments, state);
    expect(() => insert('lost', 'gsm', 1)).toThrow(/CHECK/);
    expect(() => insert('queued', 'latin1', 1)).toThrow(/CHECK/);
    expect(() => insert('queued', 'gsm', 0)).toThrow(/CHECK/);
    const id = Number(insert('accepted', 'gsm', 1).lastInsertRowid);
    db.exec(
      `INSERT INTO delivery_events (message_id, type, at, recorded_at) VALUES (${id}, 'sent', 'a', 0)`,
    );
    expect(() =>
      db.exec(
        `INSERT INTO delivery_events (message_id, type, at, recorded_at) VALUES (999, 'sent', 'a', 0)`,
      ),
    ).toThrow(/FOREIGN KEY/);
    db.exec(`DELETE FROM messages WHERE id = ${id}`);
    expect(db.prepare('SELECT count(*) FROM delivery_events').pluck().get()).toBe(0);
    db.close();
  });
});

describe('migration 016 (expiry index)', () => {
  it('expiry reads only the queued rows that have a validity, not the whole queue', () => {
    const db = openAppDatabase(dir.path);
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN UPDATE messages SET state = 'failed'
          WHERE state = 'queued' AND expires_at IS NOT NULL AND expires_at <= 5`)
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/INDEX messages_to_expire /);
    db.close();
  });
});

describe('migration 013 (one recipient index)', () => {
  it('keeps one index by recipient, and a thread page and the claim use their own indexes', () => {
    const db = openAppDatabase(dir.path);
    const indexes = db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'messages' AND sql LIKE '%recipient%'`,
      )
      .pluck()
      .all();
    expect(indexes).toEqual(['messages_by_recipient']);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(
      plan(
        'SELECT id FROM messages WHERE recipient = 1 AND account_id = 1 ORDER BY id DESC LIMIT 5',
      ),
    ).toMatch(/USING (COVERING )?INDEX messages_by_recipient \(recipient=\? AND account_id=\?\)/);
    // Before 013 the account-first index drew this query away from the queue's own index.
    expect(
      plan(`SELECT id FROM messages WHERE state = 'queued' AND not_before <= 5 AND account_id = 1
            ORDER BY not_before, id LIMIT 100`),
    ).toMatch(/INDEX messages_due/);
    db.close();
  });
});

describe('migration 010 (templates stored once)', () => {
  it('moves each row template and fields to one template row and its values, keeping every message', () => {
    const old = openDatabase(file);
    for (let v = 1; v <= 7; v++) {
      migrate(old, { target: v });
      fixtures[v]?.(old);
    }
    old.close();
    const db = openAppDatabase(dir.path);
    const templates = db
      .prepare('SELECT text, field_names FROM message_templates ORDER BY id')
      .all();
    // "Hola" (v3 and v5 rows) once; the job's two rows, whatever their key order, once.
    expect(templates).toEqual([
      { text: 'Hola', field_names: '[]' },
      { text: 'Hi {name}, {code}', field_names: '["code","name"]' },
    ]);
    const rows = db
      .prepare(
        'SELECT recipient, template_id, field_values, template, fields FROM messages ORDER BY id',
      )
      .all();
    expect(rows).toEqual([
      {
        recipient: '34666555444',
        template_id: 1,
        field_values: null,
        template: null,
        fields: null,
      },
      {
        recipient: '34666555444',
        template_id: 1,
        field_values: null,
        template: null,
        fields: null,
      },
      {
        recipient: '34666555001',
        template_id: 2,
        field_values: '["7","Ana"]',
        template: null,
        fields: null,
      },
      {
        recipient: '34666555002',
        template_id: 2,
        field_values: '["8","Bea"]',
        template: null,
        fields: null,
      },
    ]);
    // The delivery event of message 1 still belongs to it, and deleting the message still cascades.
    expect(
      db.prepare('SELECT count(*) FROM delivery_events WHERE message_id = 1').pluck().get(),
    ).toBe(1);
    db.prepare('DELETE FROM messages WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM delivery_events').pluck().get()).toBe(0);
    // The same CHECK rules as before, now without IN (…).
    expect(() =>
      db.exec(`INSERT INTO messages (account_id, recipient, sender, template_id, body, encoding, segments,
                 max_parts, state, not_before, give_up_at, created_at, updated_at)
               VALUES (1, '1', 'S', 1, 'b', 'gsm', 1, 1, 'lost', 0, 0, 0, 0)`),
    ).toThrow(/CHECK/);
    db.close();
  });
});
