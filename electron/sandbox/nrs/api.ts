import { basicAuthMatches } from '../auth';
import type { ApiHandler, SandboxReply } from '../http-types';
import { Router } from '../router';
import { account } from './account';
import { addToBlacklist, listBlacklist, removeFromBlacklist } from './blacklist';
import { listCampaignSendings, listCampaigns, showCampaign, showSending } from './campaigns';
import { createContact, deleteContact, listContacts, showContact, updateContact } from './contacts';
import { coverage, coverageByCountry } from './coverage';
import { nrsError } from './errors';
import { createGroup, deleteGroup, listGroups, showGroup, updateGroup } from './groups';
import { eventsReport } from './reports';
import { deleteScheduled, listScheduled, updateScheduled } from './scheduled';
import { handleSmsSend } from './send';
import { smsStatus } from './status';
import type { NrsStore } from './store';
import {
  listConversations,
  listMessages,
  postMessage,
  sendTemplate,
  showConversation,
} from './whatsapp';

export interface NrsAccess {
  username: () => string;
  password: () => string;
  /** Is this source address on the account's allow-list? */
  ipAllowed: (ip: string) => boolean;
}

/**
 * The 360nrs REST API. Credentials are checked first (103), then the source address
 * (112): the provider has to know the account before it can look up its IP list.
 */
export function createNrsApi(store: NrsStore, access: NrsAccess): ApiHandler {
  const r = new Router();
  const conv = '/api/rest/whatsapp/conversations/:from/:to';
  r.on('POST', '/api/rest/sms', (req) => handleSmsSend(store, req.rawBody))
    .on('GET', '/api/rest/sms/coverage', () => coverage())
    .on('GET', '/api/rest/sms/coverageByCountry', () => coverageByCountry())
    .on('GET', '/api/rest/sms/:ids', (req, p) => smsStatus(store, req, p.ids as string))
    .on('GET', '/api/rest/campaigns', (req) => listCampaigns(store, req))
    .on('GET', '/api/rest/campaigns/:id', (req, p) => showCampaign(store, req, p.id as string))
    .on('GET', '/api/rest/campaigns/:id/sendings', (req, p) =>
      listCampaignSendings(store, req, p.id as string),
    )
    .on('GET', '/api/rest/sendings/:id', (req, p) => showSending(store, req, p.id as string))
    .on('GET', '/api/rest/sendings/:id/reports/events', (req, p) =>
      eventsReport(store, req, p.id as string),
    )
    .on('GET', '/api/rest/scheduled', (req) => listScheduled(store, req))
    .on('PUT', '/api/rest/scheduled', (req) => updateScheduled(store, req))
    .on('DELETE', '/api/rest/scheduled', (req) => deleteScheduled(store, req))
    .on('GET', '/api/rest/contacts', (req) => listContacts(store, req))
    .on('POST', '/api/rest/contacts', (req) => createContact(store, req))
    .on('GET', '/api/rest/contacts/:id', (req, p) => showContact(store, req, p.id as string))
    .on('PUT', '/api/rest/contacts/:id', (req, p) => updateContact(store, req, p.id as string))
    .on('DELETE', '/api/rest/contacts/:id', (_req, p) => deleteContact(store, p.id as string))
    .on('GET', '/api/rest/groups', (req) => listGroups(store, req))
    .on('POST', '/api/rest/groups', (req) => createGroup(store, req))
    .on('GET', '/api/rest/groups/:id', (_req, p) => showGroup(store, p.id as string))
    .on('PUT', '/api/rest/groups/:id', (req, p) => updateGroup(store, req, p.id as string))
    .on('DELETE', '/api/rest/groups/:id', (_req, p) => deleteGroup(store, p.id as string))
    .on('GET', '/api/rest/v2/blacklist/:type', (req, p) =>
      listBlacklist(store, req, p.type as string),
    )
    .on('PUT', '/api/rest/v2/blacklist/:type', (req, p) =>
      addToBlacklist(store, req, p.type as string),
    )
    .on('DELETE', '/api/rest/v2/blacklist/:type', (req, p) =>
      removeFromBlacklist(store, req, p.type as string),
    )
    .on('POST', '/api/rest/whatsapp', (req) => sendTemplate(store, req))
    .on('GET', '/api/rest/whatsapp/conversations', (req) => listConversations(store, req))
    .on('GET', conv, (req, p) => showConversation(store, req, p.from as string, p.to as string))
    .on('GET', `${conv}/messages`, (req, p) =>
      listMessages(store, req, p.from as string, p.to as string),
    )
    .on('POST', `${conv}/messages`, (req, p) =>
      postMessage(store, req, p.from as string, p.to as string),
    )
    .on('GET', '/api/rest/account', () => account(store, access.username()));

  return (req): SandboxReply => {
    if (!basicAuthMatches(req, access.username(), access.password())) return nrsError(103);
    if (!access.ipAllowed(req.remoteIp)) return nrsError(112);
    const reply = r.match(req);
    if (reply === null) return nrsError(404);
    if (reply === 'method') return nrsError(405);
    return reply;
  };
}
