import {
  type ApiHandler,
  isRecord,
  json,
  parseJsonBody,
  type SandboxReply,
  type SandboxRequest,
} from '../http-types';
import { Router } from '../router';
import type { TagsContact, TagsStore } from './store';

/**
 * The Tags API (seed 002), header `x-api-key`. Undocumented parts, agreed with the
 * adapter's schema: errors are `{"message"}` with 401 (key), 404 (contact), 400
 * (input); tags/add and tags/remove take `{"tags":[...]}`; the listing is a bare
 * array paged by `limit` (default 100) and 1-based `page`.
 * Filters: `tags` (comma-separated, a contact matches if it has any), `locationId`,
 * `searchText` (name, phone or notes, case-insensitive), `channel` (contacts
 * reachable on that channel: sms, whatsapp, email; see TagsStore.channels).
 */
const DEFAULT_LIMIT = 100;
const error = (status: number, message: string): SandboxReply => json(status, { message });

export function createTagsApi(store: TagsStore, apiKey: () => string): ApiHandler {
  const r = new Router()
    .on('GET', '/v1/contacts', (req) => list(store, req))
    .on('POST', '/v1/contacts', (req) => create(store, req))
    .on('GET', '/v1/contacts/:id', (_req, p) =>
      withContact(store, p.id as string, (c) => json(200, c)),
    )
    .on('PUT', '/v1/contacts/:id', (req, p) =>
      withContact(store, p.id as string, (c) => update(store, req, c)),
    )
    .on('DELETE', '/v1/contacts/:id', (_req, p) =>
      withContact(store, p.id as string, (c) => {
        store.contacts.delete(c.id);
        return json(200, { success: true });
      }),
    )
    .on('POST', '/v1/contacts/:id/tags/add', (req, p) =>
      withContact(store, p.id as string, (c) => changeTags(req, c, 'add')),
    )
    .on('POST', '/v1/contacts/:id/tags/remove', (req, p) =>
      withContact(store, p.id as string, (c) => changeTags(req, c, 'remove')),
    );
  return (req): SandboxReply => {
    if (req.headers['x-api-key'] !== apiKey()) return error(401, 'Unauthorized');
    const reply = r.match(req);
    if (reply === null) return error(404, 'Not found');
    if (reply === 'method') return error(405, 'Method not allowed');
    return reply;
  };
}

function list(store: TagsStore, req: SandboxRequest): SandboxReply {
  const q = req.query;
  const limit = positiveInt(q.get('limit'), DEFAULT_LIMIT);
  const page = positiveInt(q.get('page'), 1);
  const tags = (q.get('tags') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const location = q.get('locationId');
  const text = (q.get('searchText') ?? '').toLowerCase();
  const channel = (q.get('channel') ?? '').trim().toLowerCase();
  const matches = [...store.contacts.values()].filter(
    (c) =>
      (tags.length === 0 || c.tags.some((t) => tags.includes(t))) &&
      (!location || c.location?.id === location) &&
      (!channel || store.channelsOf(c.id).includes(channel)) &&
      (!text || [c.name, c.phoneNumber, c.notes].some((s) => s.toLowerCase().includes(text))),
  );
  return json(200, matches.slice((page - 1) * limit, page * limit));
}

function positiveInt(text: string | null, fallback: number): number {
  const n = text === null ? Number.NaN : Number.parseInt(text, 10);
  return Number.isFinite(n) && n >= 1 ? n : fallback;
}

function create(store: TagsStore, req: SandboxRequest): SandboxReply {
  const body = readWrite(store, req.rawBody);
  if ('status' in body) return body;
  const id = body.id ?? store.contactId();
  if (store.contacts.has(id)) return error(400, `A contact with id ${id} already exists.`);
  const contact = { ...body.fields, id };
  store.contacts.set(id, contact);
  return json(200, contact);
}

/** PUT replaces the contact; the id in the path wins over one in the body. */
function update(store: TagsStore, req: SandboxRequest, c: TagsContact): SandboxReply {
  const body = readWrite(store, req.rawBody);
  if ('status' in body) return body;
  const contact = { ...body.fields, id: c.id };
  store.contacts.set(c.id, contact);
  return json(200, contact);
}

function readWrite(
  store: TagsStore,
  raw: string,
): SandboxReply | { id: string | undefined; fields: Omit<TagsContact, 'id'> } {
  const body = parseJsonBody(raw);
  if (!body.ok || !isRecord(body.value)) return error(400, 'The body is not a valid JSON object.');
  const b = body.value;
  if (typeof b.name !== 'string' || b.name.trim() === '') return error(400, 'name is required');
  if (typeof b.phoneNumber !== 'string' || !/^\+?\d{6,15}$/.test(b.phoneNumber)) {
    return error(400, 'phoneNumber must be a phone number');
  }
  if (
    b.tags !== undefined &&
    !(Array.isArray(b.tags) && b.tags.every((t) => typeof t === 'string'))
  ) {
    return error(400, 'tags must be an array of strings');
  }
  const locationId =
    isRecord(b.location) && typeof b.location.id === 'string' ? b.location.id : null;
  const title = locationId === null ? undefined : store.locations.get(locationId);
  return {
    id: typeof b.id === 'string' && b.id !== '' ? b.id : undefined,
    fields: {
      name: b.name,
      phoneNumber: b.phoneNumber,
      location:
        locationId === null
          ? null
          : {
              id: locationId,
              title: title ?? String((b.location as Record<string, unknown>).title ?? ''),
            },
      stage: typeof b.stage === 'string' ? b.stage : 'Subscriber',
      notes: typeof b.notes === 'string' ? b.notes : '',
      customFields: isRecord(b.customFields) ? b.customFields : {},
      tags: [...new Set((b.tags as string[] | undefined) ?? [])],
    },
  };
}

function changeTags(req: SandboxRequest, c: TagsContact, how: 'add' | 'remove'): SandboxReply {
  const body = parseJsonBody(req.rawBody);
  const tags = body.ok && isRecord(body.value) ? body.value.tags : undefined;
  if (!Array.isArray(tags) || tags.length === 0 || !tags.every((t) => typeof t === 'string')) {
    return error(400, 'tags must be a non-empty array of strings');
  }
  c.tags =
    how === 'add' ? [...new Set([...c.tags, ...tags])] : c.tags.filter((t) => !tags.includes(t));
  return json(200, { id: c.id, tags: c.tags });
}

function withContact(
  store: TagsStore,
  id: string,
  then: (c: TagsContact) => SandboxReply,
): SandboxReply {
  const contact = store.contacts.get(id);
  return contact ? then(contact) : error(404, `Contact ${id} not found`);
}
