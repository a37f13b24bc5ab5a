import {
  isRecord,
  json,
  noContent,
  parseJsonBody,
  type SandboxReply,
  type SandboxRequest,
} from '../http-types';
import { nrsError } from './errors';
import { paginate } from './pagination';
import type { NrsStore } from './store';

/** Groups (seed 003 lines 3878-4470). */
export function listGroups(store: NrsStore, req: SandboxRequest): SandboxReply {
  const items = [...store.groups.values()]
    .sort((a, b) => a.id - b.id)
    .map((g) => ({ id: g.id, name: g.name }));
  return json(200, paginate(items, req.query, `${req.baseUrl}/api/rest/groups`));
}

export function showGroup(store: NrsStore, id: string): SandboxReply {
  const g = store.groups.get(Number(id));
  return g ? json(200, { data: { id: g.id, name: g.name } }) : nrsError(404);
}

export function createGroup(store: NrsStore, req: SandboxRequest): SandboxReply {
  const name = nameFrom(req.rawBody);
  if (typeof name !== 'string') return name;
  const group = { id: store.groupId(), name };
  store.putGroup(group);
  return json(201, { data: group });
}

/** The seed's example PUTs to /api/rest/groups without an id (line 4243); only /groups/<ID> is served. */
export function updateGroup(store: NrsStore, req: SandboxRequest, id: string): SandboxReply {
  const group = store.groups.get(Number(id));
  if (!group) return nrsError(404);
  const name = nameFrom(req.rawBody);
  if (typeof name !== 'string') return name;
  group.name = name;
  return json(200, { data: { id: group.id, name: group.name } });
}

/** Deleting a group keeps its contacts; they just leave the group. */
export function deleteGroup(store: NrsStore, id: string): SandboxReply {
  const groupId = Number(id);
  if (!store.groups.delete(groupId)) return nrsError(404);
  for (const c of store.contacts.values()) c.groupIds = c.groupIds.filter((g) => g !== groupId);
  return noContent;
}

function nameFrom(raw: string): string | SandboxReply {
  const body = parseJsonBody(raw);
  if (!body.ok) return nrsError(125);
  const name = isRecord(body.value) ? body.value.name : undefined;
  if (typeof name !== 'string' || name.trim() === '')
    return nrsError(422, 'The name field is required.');
  return name;
}
