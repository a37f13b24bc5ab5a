import type { Db } from '../db/connection';
import { writeTransaction } from '../db/transaction';

export interface DraftRecord {
  id: number;
  /** The draft's first words, as the list names it ('' for a draft with no text yet). */
  name: string;
  body: string;
  /** What the person picked beside the text (recipients, sender, time), as the renderer wrote it. */
  state: unknown;
  createdAt: number;
  updatedAt: number;
}

/** How many words, and characters at most, name a draft in the list. */
const NAME_WORDS = 6;
const NAME_CHARS = 48;

/** "Reminder: your appointment tomorrow at 10…" — the first words, cut at a word. */
export function draftName(body: string): string {
  const words = body.trim().split(/\s+/).filter(Boolean);
  let name = '';
  for (const w of words.slice(0, NAME_WORDS)) {
    const next = name === '' ? w : `${name} ${w}`;
    if (next.length > NAME_CHARS) break;
    name = next;
  }
  if (name === '' && words[0]) name = words[0].slice(0, NAME_CHARS);
  return name.length < body.trim().length ? `${name}…` : name;
}

interface Row {
  id: number;
  body: string;
  state: string;
  created_at: number;
  updated_at: number;
}

function toRecord(r: Row): DraftRecord {
  return {
    id: r.id,
    name: draftName(r.body),
    body: r.body,
    state: JSON.parse(r.state) as unknown,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Newest first. */
export function listDrafts(db: Db, limit = 200): DraftRecord[] {
  return (
    db
      .prepare(
        'SELECT id, body, state, created_at, updated_at FROM drafts ORDER BY updated_at DESC, id DESC LIMIT ?',
      )
      .all(limit) as Row[]
  ).map(toRecord);
}

export function getDraft(db: Db, id: number): DraftRecord | null {
  const row = db
    .prepare('SELECT id, body, state, created_at, updated_at FROM drafts WHERE id = ?')
    .get(id) as Row | undefined;
  return row ? toRecord(row) : null;
}

/**
 * Saves a draft: a new one without `id`; with an `id`, that draft — also one
 * deleted a moment ago, which is how Undo brings it back under its own id.
 */
export function saveDraft(
  db: Db,
  draft: { id?: number; body: string; state: unknown; createdAt?: number },
  now = Date.now(),
): DraftRecord {
  const state = JSON.stringify(draft.state ?? {});
  return writeTransaction(db, () => {
    let id = draft.id;
    if (id === undefined) {
      const insert = db.prepare(
        'INSERT INTO drafts (body, state, created_at, updated_at) VALUES (?, ?, ?, ?)',
      );
      id = Number(insert.run(draft.body, state, now, now).lastInsertRowid);
    } else {
      db.prepare(
        `INSERT INTO drafts (id, body, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, state = excluded.state,
           updated_at = excluded.updated_at`,
      ).run(id, draft.body, state, draft.createdAt ?? now, now);
    }
    return getDraft(db, id) as DraftRecord;
  });
}

/** Deletes a draft and hands it back, so the caller can offer Undo. */
export function removeDraft(db: Db, id: number): DraftRecord | null {
  return writeTransaction(db, () => {
    const draft = getDraft(db, id);
    if (draft) db.prepare('DELETE FROM drafts WHERE id = ?').run(id);
    return draft;
  });
}
