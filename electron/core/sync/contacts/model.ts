import type {
  Contact,
  ContactBook,
  ContactInput,
  CustomField,
} from '../../../../shared/domain/contact';

export type FieldValue = string | number | null;

/**
 * What the provider said about a contact at the last pull or push: the base
 * of the three-way merge (see conflicts.ts). Stored as JSON in
 * contacts.remote_snapshot.
 */
export interface RemoteSnapshot {
  phone: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  countryIso: string | null;
  customFields: Record<string, { type: CustomField['type']; value: FieldValue }>;
  tags: string[];
  books: ContactBook[];
  updatedAt: string | null;
}

/** What a person can change offline. Absent = unchanged. */
export interface ContactPatch {
  phone?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  customFields?: Record<string, FieldValue>;
  /** Tags to add / remove (tags API: POST /v1/contacts/{id}/tags/add and /tags/remove). */
  addTags?: string[];
  removeTags?: string[];
  /** Move to this address book (address-book API `group_id` on edit, seed 001 line 124). */
  bookId?: string;
  /**
   * Also put the contact in these books (contact_books ids), keeping the ones
   * it is in: a 360nrs contact belongs to several groups, and its groups are
   * changed by sending the whole list (PUT /api/rest/contacts/<ID>, seed 003
   * line 3568).
   */
  joinBooks?: number[];
}

/** For an offline create: the provider's minimum (360nrs: a country and a book). */
export interface NewContact extends ContactPatch {
  countryIso?: string;
  bookIds?: string[];
  bookNames?: string[];
  tags?: string[];
  /** Action API `Opportunitie` (seed 000 line 17), set on create only. */
  opportunity?: boolean;
}

/**
 * A patch flattened to one entry per field: 'firstName', 'custom:birthday'…
 * Conflicts are decided per entry, so editing a name offline never clashes
 * with someone else fixing the email.
 */
export type FlatFields = Record<string, FieldValue>;

const SIMPLE = ['phone', 'email', 'firstName', 'lastName', 'bookId'] as const;
const CUSTOM = 'custom:';
/**
 * 'tag:vip' = 'add' | 'remove': the last edit of a tag wins. Tag edits are set
 * operations pushed through the API's own add/remove calls, so they never
 * conflict with someone else's edit of the contact.
 */
export const TAG = 'tag:';

export function isTagKey(key: string): boolean {
  return key.startsWith(TAG);
}

/**
 * 'book+:12' = 'add': join the local book 12. Like tag edits, a set operation
 * laid over whatever groups the provider holds at push time, so it never
 * conflicts with someone else's edit.
 */
export const JOIN = 'book+:';

export function isJoinKey(key: string): boolean {
  return key.startsWith(JOIN);
}

/** Keys that add to or take from a set rather than replace a value. */
export function isSetKey(key: string): boolean {
  return isTagKey(key) || isJoinKey(key);
}

/** The local books a flat patch joins. */
export function joinedBooks(fields: FlatFields): number[] {
  return Object.keys(fields)
    .filter(isJoinKey)
    .map((k) => Number(k.slice(JOIN.length)));
}

/** The tag edits of a flat patch: what to add and what to remove. */
export function tagOps(fields: FlatFields): { add: string[]; remove: string[] } {
  const add: string[] = [];
  const remove: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (!isTagKey(k)) continue;
    (v === 'remove' ? remove : add).push(k.slice(TAG.length));
  }
  return { add, remove };
}

/** The tags a list has after a patch's tag edits. */
export function withTagOps(tags: readonly string[], fields: FlatFields): string[] {
  const { add, remove } = tagOps(fields);
  const out = new Set(tags);
  for (const t of add) out.add(t);
  for (const t of remove) out.delete(t);
  return [...out].sort();
}

export function snapshotOf(c: Contact): RemoteSnapshot {
  const customFields: RemoteSnapshot['customFields'] = {};
  for (const f of c.customFields) customFields[f.key] = { type: f.type, value: f.value };
  return {
    phone: c.phone,
    email: c.email,
    firstName: c.firstName,
    lastName: c.lastName,
    countryIso: c.countryIso,
    customFields,
    tags: [...c.tags].sort(),
    books: [...c.books].sort((a, b) => a.id.localeCompare(b.id)),
    updatedAt: c.updatedAt,
  };
}

/** Equal content, ignoring the provider's timestamp. */
export function sameContent(a: RemoteSnapshot, b: RemoteSnapshot): boolean {
  return JSON.stringify({ ...a, updatedAt: null }) === JSON.stringify({ ...b, updatedAt: null });
}

export function flatten(patch: ContactPatch): FlatFields {
  const out: FlatFields = {};
  for (const k of SIMPLE) if (patch[k] !== undefined) out[k] = patch[k];
  for (const [k, v] of Object.entries(patch.customFields ?? {})) out[CUSTOM + k] = v;
  for (const t of patch.addTags ?? []) out[TAG + t] = 'add';
  for (const t of patch.removeTags ?? []) out[TAG + t] = 'remove';
  for (const b of patch.joinBooks ?? []) out[JOIN + b] = 'add';
  return out;
}

/** The value a snapshot has for a flat field key (null when absent). */
export function valueIn(s: RemoteSnapshot | null, key: string): FieldValue {
  if (!s) return null;
  if (key.startsWith(CUSTOM)) return s.customFields[key.slice(CUSTOM.length)]?.value ?? null;
  if (key === 'bookId') return s.books[0]?.id ?? null;
  return (s as unknown as Record<string, FieldValue>)[key] ?? null;
}

export function baseFor(s: RemoteSnapshot | null, fields: FlatFields): FlatFields {
  const out: FlatFields = {};
  for (const k of Object.keys(fields)) out[k] = valueIn(s, k);
  return out;
}

/** Empty text and null mean the same to every provider here. */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  const norm = (v: FieldValue) => (v === null || v === '' ? null : String(v));
  return norm(a) === norm(b);
}

/** A snapshot with the person's values laid over it: what the provider holds after a push. */
export function applyFlat(s: RemoteSnapshot, fields: FlatFields): RemoteSnapshot {
  const out: RemoteSnapshot = structuredClone(s);
  out.tags = withTagOps(out.tags, fields);
  for (const [k, v] of Object.entries(fields)) {
    // Joins need the book's provider id, which only the store knows (push.ts lays them over).
    if (isSetKey(k)) continue;
    if (k === 'bookId') {
      // The address-book API keeps a contact in one book.
      out.books = v === null ? [] : [{ id: String(v), name: String(v) }];
      continue;
    }
    if (k.startsWith(CUSTOM)) {
      const key = k.slice(CUSTOM.length);
      out.customFields[key] = { type: out.customFields[key]?.type ?? 'string', value: v };
    } else {
      (out as unknown as Record<string, FieldValue>)[k] = v === null ? null : String(v);
    }
  }
  return out;
}

/** The adapter's input for a flat patch, keeping each custom field's known type. */
export function toContactInput(fields: FlatFields, s: RemoteSnapshot | null): ContactInput {
  const input: ContactInput = {};
  const custom: NonNullable<ContactInput['customFields']> = [];
  for (const [k, v] of Object.entries(fields)) {
    if (k.startsWith(CUSTOM)) {
      const key = k.slice(CUSTOM.length);
      custom.push({ key, type: s?.customFields[key]?.type ?? 'string', value: v });
    } else if (k === 'phone' || k === 'email' || k === 'firstName' || k === 'lastName') {
      input[k] = v === null ? '' : String(v);
    } else if (k === 'bookId' && v !== null) {
      input.bookIds = [String(v)];
    }
  }
  if (custom.length > 0) input.customFields = custom;
  return input;
}

/** The input of an offline create. */
export function createInput(c: NewContact): ContactInput {
  const input = toContactInput(flatten(c), null);
  if (c.countryIso !== undefined) input.countryIso = c.countryIso;
  if (c.bookIds !== undefined) input.bookIds = [...c.bookIds];
  if (c.bookNames !== undefined) input.bookNames = [...c.bookNames];
  if (c.tags !== undefined) input.tags = [...c.tags];
  if (c.opportunity !== undefined) input.opportunity = c.opportunity;
  return input;
}

/** A snapshot with nothing in it: the base of a contact that exists only locally. */
export function emptySnapshot(): RemoteSnapshot {
  return {
    phone: null,
    email: null,
    firstName: null,
    lastName: null,
    countryIso: null,
    customFields: {},
    tags: [],
    books: [],
    updatedAt: null,
  };
}
