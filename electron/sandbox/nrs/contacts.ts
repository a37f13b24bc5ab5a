import { isoUtc } from '../clock';
import {
  isRecord,
  json,
  noContent,
  parseJsonBody,
  type SandboxReply,
  type SandboxRequest,
} from '../http-types';
import { nrsError } from './errors';
import type { CustomField, NrsContact } from './model';
import { paginate } from './pagination';
import type { NrsStore } from './store';

/** Contacts ("Databases", seed 003 lines 3057-3877). */
const FILTERS = ['email', 'phone', 'landline', 'countryIso', 'externalId'] as const;

export function listContacts(store: NrsStore, req: SandboxRequest): SandboxReply {
  const include = includes(req);
  const matching = [...store.contacts.values()]
    .filter((c) => FILTERS.every((f) => req.query.get(f) === null || c[f] === req.query.get(f)))
    .sort((a, b) => a.id - b.id);
  // Only the page asked for is turned into views: a 10,000-contact pull stays linear.
  const page = paginate(matching, req.query, `${req.baseUrl}/api/rest/contacts`);
  return json(200, { ...page, data: page.data.map((c) => contactView(store, c, include)) });
}

export function showContact(store: NrsStore, req: SandboxRequest, id: string): SandboxReply {
  const contact = store.contacts.get(Number(id));
  if (!contact) return nrsError(404);
  return json(200, { data: contactView(store, contact, includes(req)) });
}

export function createContact(store: NrsStore, req: SandboxRequest): SandboxReply {
  const body = parseJsonBody(req.rawBody);
  if (!body.ok || !isRecord(body.value)) return nrsError(125);
  const now = store.ctx.clock.now();
  const draft = blankContact(store.contactId(), now);
  const problem = applyFields(store, draft, body.value, true);
  if (problem) return nrsError(422, problem);
  store.putContact(draft);
  return json(201, { data: writtenView(store, draft, req.baseUrl) });
}

export function updateContact(store: NrsStore, req: SandboxRequest, id: string): SandboxReply {
  const existing = store.contacts.get(Number(id));
  if (!existing) return nrsError(404);
  const body = parseJsonBody(req.rawBody);
  if (!body.ok || !isRecord(body.value)) return nrsError(125);
  const draft: NrsContact = structuredClone(existing);
  const problem = applyFields(store, draft, body.value, false);
  if (problem) return nrsError(422, problem);
  draft.updatedAt = store.ctx.clock.now();
  store.putContact(draft);
  return json(200, { data: writtenView(store, draft, req.baseUrl) });
}

export function deleteContact(store: NrsStore, id: string): SandboxReply {
  if (!store.deleteContact(Number(id))) return nrsError(404);
  return noContent;
}

function blankContact(id: number, now: number): NrsContact {
  return {
    id,
    email: null,
    phone: null,
    countryIso: null,
    landline: null,
    name: null,
    surname: null,
    externalId: null,
    createdAt: now,
    updatedAt: now,
    customFields: [],
    groupIds: [],
  };
}

/** Copies the body onto the draft and checks the seed's "required when" rules (line 3509). */
function applyFields(
  store: NrsStore,
  draft: NrsContact,
  body: Record<string, unknown>,
  creating: boolean,
): string | null {
  for (const key of [
    'email',
    'phone',
    'landline',
    'countryIso',
    'name',
    'surname',
    'externalId',
  ] as const) {
    const value = body[key];
    if (value === undefined) continue;
    if (value !== null && typeof value !== 'string') return `The ${key} field must be a string.`;
    draft[key] = value;
  }
  if (!draft.email && !draft.phone && !draft.landline) {
    return 'The email field is required when none of phone / landline are present.';
  }
  if (draft.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(draft.email))
    return 'The email must be a valid email address.';
  if ((draft.phone || draft.landline) && !draft.countryIso) {
    return 'The countryIso field is required when phone / landline is present.';
  }
  if (draft.countryIso && !/^[A-Z]{2}$/.test(draft.countryIso))
    return 'The countryIso must be 2 characters.';
  const groups = groupIdsFrom(store, body);
  if (typeof groups === 'string') return groups;
  if (groups !== null) draft.groupIds = groups;
  else if (creating) return 'The groupsIds field is required when groupsNames is not present.';
  const fields = customFieldsFrom(body.customFields);
  if (typeof fields === 'string') return fields;
  if (fields !== null) draft.customFields = mergeFields(draft.customFields, fields);
  return null;
}

/** `groupsIds` must exist; `groupsNames` that do not exist yet are created. */
function groupIdsFrom(store: NrsStore, body: Record<string, unknown>): number[] | string | null {
  if (Array.isArray(body.groupsIds)) {
    const ids = body.groupsIds.map(Number);
    if (ids.some((id) => !store.groups.has(id))) return 'The selected groupsIds is invalid.';
    return ids;
  }
  if (Array.isArray(body.groupsNames)) {
    return body.groupsNames.map((raw) => {
      const name = String(raw);
      const found = [...store.groups.values()].find(
        (g) => g.name.toLowerCase() === name.toLowerCase(),
      );
      if (found) return found.id;
      const group = { id: store.groupId(), name };
      store.putGroup(group);
      return group.id;
    });
  }
  return null;
}

function customFieldsFrom(raw: unknown): CustomField[] | string | null {
  if (raw === undefined) return null;
  if (!Array.isArray(raw)) return 'The customFields must be an array.';
  const out: CustomField[] = [];
  for (const item of raw) {
    if (!isRecord(item) || typeof item.key !== 'string')
      return 'The customFields.*.key field is required.';
    const type = item.type ?? 'string';
    if (type !== 'string' && type !== 'date' && type !== 'decimal')
      return 'The selected customFields.*.type is invalid.';
    out.push({
      key: item.key,
      type,
      value: item.value === undefined || item.value === null ? '' : String(item.value),
    });
  }
  return out;
}

function mergeFields(old: CustomField[], changes: CustomField[]): CustomField[] {
  const byKey = new Map(old.map((f) => [f.key, f]));
  for (const f of changes) byKey.set(f.key, f);
  return [...byKey.values()];
}

function includes(req: SandboxRequest): Set<string> {
  return new Set((req.query.get('include') ?? '').split(',').map((s) => s.trim()));
}

function baseView(c: NrsContact) {
  return {
    id: c.id,
    email: c.email,
    phone: c.phone,
    countryIso: c.countryIso,
    landline: c.landline,
    name: c.name,
    surname: c.surname,
    createdAt: isoUtc(c.createdAt),
    updatedAt: isoUtc(c.updatedAt),
  };
}

export function contactView(store: NrsStore, c: NrsContact, include: Set<string>) {
  return {
    ...baseView(c),
    ...(include.has('customFields') ? { customFields: { data: c.customFields } } : {}),
    ...(include.has('groups')
      ? {
          groups: {
            data: c.groupIds.flatMap((id) => {
              const g = store.groups.get(id);
              return g ? [{ id: g.id, name: g.name }] : [];
            }),
          },
        }
      : {}),
  };
}

/** The body of a 201/200 after POST/PUT (seed line 3481): no includes, a self link. */
function writtenView(_store: NrsStore, c: NrsContact, baseUrl: string) {
  return { ...baseView(c), links: { self: `${baseUrl}/api/rest/contacts/${c.id}` } };
}
