import type {
  Audience,
  AudienceRecipient,
  RecipientSource,
  SuppressionReason,
} from '../../../shared/compose';
import { normalizePhone } from '../../../shared/phone';
import { NOT_MOBILE } from '../bulk/row-check';
import type { Db } from '../db/connection';
import { suppressionRefusal } from '../suppressions/refusal';
import { phoneKey } from '../sync/phone-key';
import { listSuppressions } from '../sync/suppression';

/** Who a message is for, as the person picked them: contacts, books, tags and typed numbers. */
export interface AudienceRequest {
  accountId: number;
  contactIds: readonly number[];
  /** Local contact_books ids. */
  bookIds: readonly number[];
  tags: readonly string[];
  /** As typed or pasted, one entry per number. */
  numbers: readonly string[];
  defaultCountry?: string;
}

/** The standard merge fields every contact has, in the order the insert menu lists them. */
export const STANDARD_FIELDS = ['first_name', 'last_name', 'phone', 'email'] as const;

/** At most this many recipients in one message to many (a bigger list is a bulk CSV job). */
export const MAX_AUDIENCE = 10_000;

export class AudienceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AudienceError';
  }
}

interface ContactRow {
  id: number;
  phone: string;
  first_name: string;
  last_name: string;
  email: string;
  custom_fields: string;
}

/**
 * Turns what the person picked into the list of recipients: every number
 * checked (country, line type), contacts of books and tags expanded, the same
 * number from several places merged into one recipient (and said), and the
 * suppression list looked up so a suppressed number is shown with why and
 * since when. Nothing is dropped: unusable entries come back with their reason.
 */
export function resolveAudience(db: Db, request: AudienceRequest): Audience {
  const byKey = new Map<string, AudienceRecipient>();
  const times = new Map<string, number>();
  const add = (r: AudienceRecipient, n = 1) => {
    times.set(r.key, (times.get(r.key) ?? 0) + n);
    const known = byKey.get(r.key);
    if (!known) {
      byKey.set(r.key, r);
      return;
    }
    // A contact's name and fields win over the same number typed by hand.
    const contact = known.contactId !== null ? known : r;
    byKey.set(r.key, {
      ...contact,
      sources: mergeSources(known.sources, r.sources),
    });
  };
  for (const [contact, sources] of contactsOf(db, request).values()) {
    // A contact in two picked books or tags came twice: merged, and said like a number typed twice.
    add(contactRecipient(contact, sources, request.defaultCountry), sources.length);
  }
  const typed: string[] = [];
  for (const input of request.numbers) {
    const r = typedRecipient(input, request.defaultCountry);
    typed.push(r.key);
    add(r);
  }
  if (byKey.size > MAX_AUDIENCE) {
    throw new AudienceError(
      `That is ${byKey.size.toLocaleString('en')} recipients; a message to many takes at most ${MAX_AUDIENCE.toLocaleString('en')}. Send a list that long as a bulk CSV job.`,
    );
  }
  const recipients = [...byKey.values()];
  markSuppressed(db, request.accountId, recipients);
  return {
    recipients,
    duplicates: recipients
      .filter((r) => (times.get(r.key) ?? 0) > 1)
      .map((r) => ({ key: r.key, e164: r.e164 ?? r.input, times: times.get(r.key) ?? 0 })),
    fields: fieldsOf(recipients),
    typed,
  };
}

function mergeSources(a: RecipientSource[], b: RecipientSource[]): RecipientSource[] {
  const out = [...a];
  for (const s of b) if (!out.some((o) => sameSource(o, s))) out.push(s);
  return out;
}

function sameSource(a: RecipientSource, b: RecipientSource): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'book' && b.kind === 'book') return a.id === b.id;
  if (a.kind === 'tag' && b.kind === 'tag') return a.name === b.name;
  return true;
}

/** The picked contacts, those of the picked books and tags, each once with every place it came from. */
function contactsOf(
  db: Db,
  request: AudienceRequest,
): Map<number, [ContactRow, RecipientSource[]]> {
  const out = new Map<number, [ContactRow, RecipientSource[]]>();
  const columns = 'c.id, c.phone, c.first_name, c.last_name, c.email, c.custom_fields';
  const put = (rows: ContactRow[], source: RecipientSource) => {
    for (const row of rows) {
      const known = out.get(row.id);
      if (known) known[1] = mergeSources(known[1], [source]);
      else out.set(row.id, [row, [source]]);
    }
  };
  const byId = db.prepare(`SELECT ${columns} FROM contacts c WHERE c.id = ?`);
  for (const id of new Set(request.contactIds)) {
    const row = byId.get(id) as ContactRow | undefined;
    if (!row) throw new AudienceError(`Contact ${id} no longer exists; pick the recipients again.`);
    put([row], { kind: 'contact' });
  }
  const book = db.prepare('SELECT name FROM contact_books WHERE id = ? AND account_id = ?').pluck();
  const members = db.prepare(
    `SELECT ${columns} FROM contact_book_members m JOIN contacts c ON c.id = m.contact_id
     WHERE m.book_id = ? ORDER BY c.last_name, c.first_name, c.id`,
  );
  for (const id of new Set(request.bookIds)) {
    const name = book.get(id, request.accountId) as string | undefined;
    if (name === undefined)
      throw new AudienceError(`Book ${id} is not one of this account's books.`);
    put(members.all(id) as ContactRow[], { kind: 'book', id, name });
  }
  const tagged = db.prepare(
    `SELECT ${columns} FROM contact_tags t JOIN contacts c ON c.id = t.contact_id
     WHERE t.tag = ? AND c.account_id = ? ORDER BY c.last_name, c.first_name, c.id`,
  );
  for (const name of new Set(request.tags)) {
    put(tagged.all(name, request.accountId) as ContactRow[], { kind: 'tag', name });
  }
  return out;
}

function checkNumber(
  input: string,
  defaultCountry: string | undefined,
): Pick<AudienceRecipient, 'key' | 'e164' | 'countryIso' | 'lineType' | 'problem'> {
  const phone = normalizePhone(input, defaultCountry ? { defaultCountry } : {});
  if (!phone.ok) {
    return {
      key: `?${input.trim()}`,
      e164: null,
      countryIso: null,
      lineType: null,
      problem: phone.message,
    };
  }
  const notMobile = NOT_MOBILE[phone.lineType];
  return {
    key: phone.provider,
    e164: phone.e164,
    countryIso: phone.countryIso,
    lineType: phone.lineType,
    problem: notMobile ? `${phone.e164} is ${notMobile}, which cannot receive SMS.` : null,
  };
}

function typedRecipient(input: string, defaultCountry: string | undefined): AudienceRecipient {
  const number = checkNumber(input, defaultCountry);
  return {
    ...number,
    input: input.trim(),
    contactId: null,
    name: '',
    sources: [{ kind: 'typed' }],
    fields: number.e164 ? { phone: number.e164 } : {},
    suppressed: null,
  };
}

/** A merge-field name the template syntax can write: letters, digits, `_`, `.`, `-`. */
function fieldName(key: string): string {
  return key.trim().replace(/[^\p{L}\p{N}_.-]+/gu, '_');
}

function contactRecipient(
  row: ContactRow,
  sources: RecipientSource[],
  defaultCountry: string | undefined,
): AudienceRecipient {
  const number = checkNumber(row.phone, defaultCountry);
  const fields: Record<string, string> = {
    first_name: row.first_name,
    last_name: row.last_name,
    phone: number.e164 ?? row.phone,
    email: row.email,
  };
  let custom: Record<string, unknown> = {};
  try {
    custom = JSON.parse(row.custom_fields) as Record<string, unknown>;
  } catch {
    // A damaged JSON value has no fields to offer; the standard ones still work.
  }
  for (const [key, value] of Object.entries(custom)) {
    const name = fieldName(key);
    if (name === '' || value === null || value === undefined || name in fields) continue;
    fields[name] = String(value);
  }
  return {
    ...number,
    input: row.phone,
    contactId: row.id,
    name: `${row.first_name} ${row.last_name}`.trim(),
    sources,
    fields,
    suppressed: null,
  };
}

function markSuppressed(db: Db, accountId: number, recipients: AudienceRecipient[]): void {
  const list = listSuppressions(db, accountId);
  if (list.length === 0) return;
  const byKey = new Map(list.map((s) => [s.phone, s]));
  for (const r of recipients) {
    if (r.e164 === null) continue;
    const s = byKey.get(phoneKey(r.key));
    if (!s) continue;
    r.suppressed = {
      reason: s.reason as SuppressionReason,
      since: s.createdAt,
      sentence: suppressionRefusal(s, r.key),
    };
  }
}

/** The merge fields the insert menu offers: the standard ones, then every custom one some recipient has. */
function fieldsOf(recipients: readonly AudienceRecipient[]): string[] {
  const out = new Set<string>(STANDARD_FIELDS);
  for (const r of recipients) for (const f of Object.keys(r.fields)) out.add(f);
  return [...out];
}
