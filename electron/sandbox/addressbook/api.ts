import { bearerMatches } from '../auth';
import { type ApiHandler, isRecord, json, parseJsonBody, type SandboxReply } from '../http-types';
import type { AbContact, AddressBookStore } from './store';

/**
 * The Address-book API (seed 001): POST /api/contact/{new,detail,edit,delete} with a
 * Bearer token, answers `{status, result}`. Errors are undocumented; agreed with the
 * adapter's schema: 401 / 404 / 422 with `{"status":"error","message"}`.
 */
const TEXT_FIELDS = [
  'first_name',
  'last_name',
  'company',
  'custom_1',
  'custom_2',
  'custom_3',
  'custom_4',
] as const;

const error = (status: number, message: string): SandboxReply =>
  json(status, { status: 'error', message });
const success = (result: unknown): SandboxReply => json(200, { status: 'success', result });

export function createAddressBookApi(store: AddressBookStore, token: () => string): ApiHandler {
  return (req): SandboxReply => {
    if (!bearerMatches(req, token())) return error(401, 'Unauthenticated.');
    const action = /^\/api\/contact\/(new|detail|edit|delete)\/?$/.exec(req.path)?.[1];
    if (!action) return error(404, 'Not found.');
    if (req.method !== 'POST') return error(405, 'Only POST is accepted.');
    const body = parseJsonBody(req.rawBody);
    if (!body.ok || !isRecord(body.value))
      return error(422, 'The body is not a valid JSON object.');
    const b = body.value;
    switch (action) {
      case 'new':
        return create(store, b);
      case 'detail':
        return withContact(store, b, (c) => success({ contact: { ...c } }));
      case 'edit':
        return withContact(store, b, (c) => edit(store, c, b));
      default:
        return withContact(store, b, (c) => {
          store.contacts.delete(c.id);
          return success({ id: c.id });
        });
    }
  };
}

function create(store: AddressBookStore, b: Record<string, unknown>): SandboxReply {
  const groupId = toId(b.group_id);
  if (groupId === null) return error(422, 'The group_id field is required.');
  if (!store.books.has(groupId)) return error(404, `Address book ${groupId} does not exist.`);
  if (typeof b.phone_number !== 'string' || !/^\+?\d{6,15}$/.test(b.phone_number)) {
    return error(422, 'The phone_number field must be a phone number.');
  }
  const problem = textProblem(b);
  if (problem) return error(422, problem);
  const contact: AbContact = {
    id: store.contactId(),
    group_id: groupId,
    phone_number: b.phone_number,
    first_name: null,
    last_name: null,
    company: null,
    custom_1: null,
    custom_2: null,
    custom_3: null,
    custom_4: null,
  };
  for (const f of TEXT_FIELDS) if (typeof b[f] === 'string') contact[f] = b[f] as string;
  store.put(contact);
  return success({ id: contact.id });
}

function edit(store: AddressBookStore, c: AbContact, b: Record<string, unknown>): SandboxReply {
  if (b.group_id !== undefined) {
    const groupId = toId(b.group_id);
    if (groupId === null || !store.books.has(groupId))
      return error(404, `Address book ${String(b.group_id)} does not exist.`);
    c.group_id = groupId;
  }
  if (b.phone_number !== undefined) {
    if (typeof b.phone_number !== 'string' || !/^\+?\d{6,15}$/.test(b.phone_number)) {
      return error(422, 'The phone_number field must be a phone number.');
    }
    c.phone_number = b.phone_number;
  }
  const problem = textProblem(b);
  if (problem) return error(422, problem);
  for (const f of TEXT_FIELDS) if (typeof b[f] === 'string') c[f] = b[f] as string;
  return success({ id: c.id });
}

function textProblem(b: Record<string, unknown>): string | null {
  const bad = TEXT_FIELDS.find(
    (f) => b[f] !== undefined && b[f] !== null && typeof b[f] !== 'string',
  );
  return bad ? `The ${bad} field must be a string.` : null;
}

/** `id` is a string in the detail example and an integer elsewhere (seed 001 line 89). */
function withContact(
  store: AddressBookStore,
  b: Record<string, unknown>,
  then: (c: AbContact) => SandboxReply,
): SandboxReply {
  const id = toId(b.id);
  if (id === null) return error(422, 'The id field is required.');
  const contact = store.contacts.get(id);
  return contact ? then(contact) : error(404, `Contact ${id} does not exist.`);
}

function toId(raw: unknown): number | null {
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  if (typeof raw === 'string' && /^\d+$/.test(raw)) return Number(raw);
  return null;
}
