import type { z } from 'zod';
import type { CoveragePrice } from '../../../../shared/cost/types';
import type { AccountInfo } from '../../../../shared/domain/account';
import type { BlacklistChannel, BlacklistEntry } from '../../../../shared/domain/blacklist';
import type { Campaign, CampaignQuery, SendingEvent } from '../../../../shared/domain/campaign';
import { capabilities } from '../../../../shared/domain/capabilities';
import type {
  Contact,
  ContactBook,
  ContactInput,
  ContactQuery,
} from '../../../../shared/domain/contact';
import type { Conversation, ConversationMessage } from '../../../../shared/domain/conversation';
import type { OutgoingBatch, SendResult } from '../../../../shared/domain/message';
import type { Page, PageRequest } from '../../../../shared/domain/page';
import type { BatchReconciliation, LostRequest } from '../../../../shared/domain/reconciliation';
import type { ScheduledMessage } from '../../../../shared/domain/scheduled';
import type { MessageStatus } from '../../../../shared/domain/status';
import {
  AccountResponseSchema,
  CoverageResponseSchema,
} from '../../../../shared/providers/nrs/account';
import {
  BlacklistEntryResponseSchema,
  BlacklistListResponseSchema,
} from '../../../../shared/providers/nrs/blacklist';
import { CampaignListResponseSchema } from '../../../../shared/providers/nrs/campaigns';
import { NRS_DEFAULT_PAGE_SIZE, NRS_MAX_PAGE_SIZE } from '../../../../shared/providers/nrs/common';
import {
  ContactListResponseSchema,
  ContactResponseSchema,
  GroupListResponseSchema,
  GroupResponseSchema,
} from '../../../../shared/providers/nrs/contacts';
import {
  ScheduledDeleteResponseSchema,
  ScheduledListResponseSchema,
  ScheduledUpdateResponseSchema,
} from '../../../../shared/providers/nrs/scheduled';
import {
  SmsSendResponseSchema,
  SmsStatusResponseSchema,
} from '../../../../shared/providers/nrs/sms';
import {
  WhatsAppConversationListResponseSchema,
  WhatsAppConversationResponseSchema,
  WhatsAppMessageListResponseSchema,
  WhatsAppSendMessageResponseSchema,
  WhatsAppTemplateSendResponseSchema,
} from '../../../../shared/providers/nrs/whatsapp';
import { BaseAdapter } from '../base-adapter';
import { ProviderError } from '../errors';
import { HttpClient, type HttpRequest, type HttpResponse } from '../http';
import { isSuccess, tryParseJson, unreadableSuccess } from '../response';
import type { AdapterConfig, CallOptions } from '../types';
import { mapAccount, mapCoverage } from './account';
import { mapCampaign, parseSendingEventsCsv } from './campaigns';
import { mapNrsContact, toNrsContactWrite } from './contacts';
import { mapConversation, mapConversationMessage } from './conversations';
import { toNrsDate } from './dates';
import { NRS_NAME, nrsError } from './errors';
import { mapBlacklistEntry, mapScheduled, toPage } from './lists';
import { reconcile } from './reconcile';
import { buildSmsRequest, mapSendResponse, toNrsNumber } from './send';
import { mapStatus } from './status';

const API = '/api/rest';
/** Ids per status request: keeps the URL short whatever the batch size. */
const STATUS_CHUNK = 100;
/** Bound on pages followed for listings without an explicit page (campaigns). */
const MAX_PAGES = 100;
/** The events report can be long: one line per event of a whole sending. */
const REPORT_MAX_BYTES = 64 * 1024 * 1024;
/** Events of a lost request are read from this long before it was written (clock skew). */
const RECONCILE_MARGIN_MS = 10 * 60_000;
/** Pending scheduled messages looked at one by one when reconciling a scheduled request. */
const MAX_SCHEDULED_LOOKUPS = 500;

const seg = (s: string) => encodeURIComponent(s);

function pageQuery(p: PageRequest): { limit: number; page: number } {
  const limit = Math.min(Math.max(1, p.pageSize ?? NRS_DEFAULT_PAGE_SIZE), NRS_MAX_PAGE_SIZE);
  return { limit, page: Math.max(1, p.page ?? 1) };
}

/** What this provider can do, known without an account (the outbox asks before sending). */
export const NRS_CAPABILITIES = capabilities([
  'sendSms',
  'batchSend',
  'mergeFields',
  'scheduleSend',
  'deliveryStatus',
  'campaigns',
  'sendingReport',
  'reconcile',
  'contactsList',
  'contactsRead',
  'contactsWrite',
  'contactsDelete',
  'books',
  'severalBooks',
  'customFields',
  'blacklist',
  'conversations',
  'scheduledMessages',
  'accountInfo',
  'coverage',
]);

/** The 360nrs REST API (seed 003). */
export class NrsAdapter extends BaseAdapter {
  readonly provider = 'nrs' as const;
  readonly capabilities = NRS_CAPABILITIES;
  protected readonly http: HttpClient;
  protected readonly displayName = NRS_NAME;

  constructor(config: AdapterConfig) {
    super();
    const username = config.username ?? '';
    const token = Buffer.from(`${username}:${config.secret}`).toString('base64');
    this.http = new HttpClient({
      ...config,
      providerName: NRS_NAME,
      headers: { authorization: `Basic ${token}` },
      secrets: [config.secret, token, `${username}:${config.secret}`],
    });
  }

  private async raw(req: HttpRequest): Promise<HttpResponse> {
    const res = await this.http.send(req);
    if (!isSuccess(res)) throw this.http.redactError(nrsError(res));
    return res;
  }

  private async call<S extends z.ZodType>(req: HttpRequest, schema: S): Promise<z.infer<S>> {
    const res = await this.raw(req);
    return this.http.parse(res, schema);
  }

  async verify(opts: CallOptions = {}): Promise<void> {
    await this.getAccount(opts);
  }

  // ---- sending -------------------------------------------------------------

  override async sendBatch(batch: OutgoingBatch, opts: CallOptions = {}): Promise<SendResult> {
    const res = await this.raw({
      method: 'POST',
      path: `${API}/sms`,
      json: buildSmsRequest(batch),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.whenWritten ? { whenWritten: opts.whenWritten } : {}),
    });
    const body = this.http.parse(res, SmsSendResponseSchema);
    return mapSendResponse(batch, body, res.status);
  }

  override async getStatuses(
    ids: readonly string[],
    opts: CallOptions = {},
  ): Promise<MessageStatus[]> {
    const out: MessageStatus[] = [];
    for (let i = 0; i < ids.length; i += STATUS_CHUNK) {
      const chunk = ids.slice(i, i + STATUS_CHUNK);
      const res = await this.http.send({
        method: 'GET',
        path: `${API}/sms/${chunk.map(seg).join(',')}`,
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      // 404 "Resource not found": none of these ids is known (yet); not an error for a poll.
      if (res.status === 404) continue;
      if (!isSuccess(res)) throw this.http.redactError(nrsError(res));
      out.push(...this.http.parse(res, SmsStatusResponseSchema).data.map(mapStatus));
    }
    return out;
  }

  // ---- campaigns -----------------------------------------------------------

  override async listCampaigns(query: CampaignQuery, opts: CallOptions = {}): Promise<Campaign[]> {
    const out: Campaign[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body = await this.call(
        {
          method: 'GET',
          path: `${API}/campaigns`,
          query: {
            name: query.name,
            channel: query.channel,
            afterDate: query.after,
            beforeDate: query.before,
            page: page > 1 ? page : undefined,
          },
          ...(opts.signal ? { signal: opts.signal } : {}),
        },
        CampaignListResponseSchema,
      );
      out.push(...body.data.map(mapCampaign));
      const p = body.meta?.pagination;
      if (!p || p.current_page >= p.total_pages || body.data.length === 0) break;
    }
    return out;
  }

  override async getSendingEvents(
    sendingId: string,
    query: { after?: string; customFields?: boolean } = {},
    opts: CallOptions = {},
  ): Promise<SendingEvent[]> {
    const res = await this.raw({
      method: 'GET',
      path: `${API}/sendings/${seg(sendingId)}/reports/events`,
      query: {
        afterDate: query.after,
        showCustomFields: query.customFields ? 1 : undefined,
      },
      accept: 'text/csv',
      maxResponseBytes: REPORT_MAX_BYTES,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    const events = parseSendingEventsCsv(res.text);
    if (events === null)
      throw this.http.redactError(
        unreadableSuccess(res, NRS_NAME, 'the events report lacks its columns'),
      );
    return events;
  }

  /**
   * Campaign by exact name, the sendings carrying the request's tag, their
   * events since shortly before the request (with the custom fields, where
   * the row references are) and, for a request with a future scheduleDate,
   * the pending scheduled messages of those sendings.
   */
  override async reconcileBatch(
    request: LostRequest,
    opts: CallOptions = {},
  ): Promise<BatchReconciliation> {
    const campaigns = await this.listCampaigns({ name: request.campaignName }, opts);
    const exact = campaigns.filter((c) => c.name === request.campaignName);
    const tagged = exact
      .flatMap((c) => c.sendings)
      .filter((s) => request.requestTag === null || s.tags.includes(request.requestTag));
    const after = new Date(Date.parse(request.sentAt) - RECONCILE_MARGIN_MS).toISOString();
    const events: SendingEvent[] = [];
    const scheduled: ScheduledMessage[] = [];
    for (const s of tagged) {
      events.push(...(await this.getSendingEvents(s.id, { after, customFields: true }, opts)));
      if (request.scheduledAt !== null) {
        scheduled.push(...(await this.pendingWithContent(s.id, opts)));
      }
    }
    return reconcile(request, exact, events, scheduled);
  }

  /** The listing shows content only for one guid (seed line 2527): each is asked for, up to a bound. */
  private async pendingWithContent(sendingId: string, opts: CallOptions) {
    const list = await this.listScheduled({ sendingId }, opts);
    const out: ScheduledMessage[] = [];
    for (const item of list.slice(0, MAX_SCHEDULED_LOOKUPS)) {
      out.push(...(await this.listScheduled({ guids: [item.guid] }, opts)));
    }
    return out;
  }

  // ---- contacts and groups -------------------------------------------------

  override async listContacts(
    q: ContactQuery & PageRequest,
    opts: CallOptions = {},
  ): Promise<Page<Contact>> {
    // The API filters by exact email/phone/country only: free text is used as one when it looks
    // like one; `bookId` and `tags` have no 360nrs filter and are ignored.
    const search = q.search?.trim();
    const email = q.email ?? (search?.includes('@') ? search : undefined);
    const phone = q.phone ?? (search && /^\+?[\d\s-]{4,}$/.test(search) ? search : undefined);
    const body = await this.call(
      {
        method: 'GET',
        path: `${API}/contacts`,
        query: {
          ...pageQuery(q),
          include: 'customFields,groups',
          email,
          phone: phone ? toNrsNumber(phone) : undefined,
          countryIso: q.countryIso,
        },
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      ContactListResponseSchema,
    );
    return toPage(body.data.map(mapNrsContact), body.meta.pagination);
  }

  override async getContact(id: string, opts: CallOptions = {}): Promise<Contact> {
    const body = await this.call(
      {
        method: 'GET',
        path: `${API}/contacts/${seg(id)}`,
        query: { include: 'customFields,groups' },
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      ContactResponseSchema,
    );
    return mapNrsContact(body.data);
  }

  override async createContact(input: ContactInput, opts: CallOptions = {}): Promise<Contact> {
    const body = await this.call(
      {
        method: 'POST',
        path: `${API}/contacts`,
        json: toNrsContactWrite(input),
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      ContactResponseSchema,
    );
    return mapNrsContact(body.data);
  }

  override async updateContact(
    id: string,
    patch: ContactInput,
    opts: CallOptions = {},
  ): Promise<Contact> {
    const body = await this.call(
      {
        method: 'PUT',
        path: `${API}/contacts/${seg(id)}`,
        json: toNrsContactWrite(patch),
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      ContactResponseSchema,
    );
    return mapNrsContact(body.data);
  }

  override async deleteContact(id: string, opts: CallOptions = {}): Promise<void> {
    await this.raw({
      method: 'DELETE',
      path: `${API}/contacts/${seg(id)}`,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  }

  override async listBooks(p: PageRequest, opts: CallOptions = {}): Promise<Page<ContactBook>> {
    const body = await this.call(
      {
        method: 'GET',
        path: `${API}/groups`,
        query: pageQuery(p),
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      GroupListResponseSchema,
    );
    return toPage(
      body.data.map((g) => ({ id: String(g.id), name: g.name })),
      body.meta.pagination,
    );
  }

  override async createBook(name: string, opts: CallOptions = {}): Promise<ContactBook> {
    const body = await this.call(
      {
        method: 'POST',
        path: `${API}/groups`,
        json: { name },
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      GroupResponseSchema,
    );
    return { id: String(body.data.id), name: body.data.name };
  }

  override async renameBook(
    id: string,
    name: string,
    opts: CallOptions = {},
  ): Promise<ContactBook> {
    // The seed's curl (line 4243) omits the id from the URL; its heading has it: `/groups/<ID>`.
    const body = await this.call(
      {
        method: 'PUT',
        path: `${API}/groups/${seg(id)}`,
        json: { name },
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      GroupResponseSchema,
    );
    return { id: String(body.data.id), name: body.data.name };
  }

  override async deleteBook(id: string, opts: CallOptions = {}): Promise<void> {
    await this.raw({
      method: 'DELETE',
      path: `${API}/groups/${seg(id)}`,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  }

  // ---- blacklist -----------------------------------------------------------

  override async listBlacklist(
    channel: BlacklistChannel,
    q: PageRequest & { recipient?: string },
    opts: CallOptions = {},
  ): Promise<Page<BlacklistEntry>> {
    const body = await this.call(
      {
        method: 'GET',
        path: `${API}/v2/blacklist/${channel}`,
        query: { ...pageQuery(q), recipient: q.recipient },
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      BlacklistListResponseSchema,
    );
    return toPage(body.data.map(mapBlacklistEntry), body.meta.pagination);
  }

  override async addToBlacklist(
    channel: BlacklistChannel,
    recipient: string,
    opts: CallOptions = {},
  ): Promise<BlacklistEntry> {
    const body = await this.call(
      {
        method: 'PUT',
        path: `${API}/v2/blacklist/${channel}`,
        json: { recipient },
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      BlacklistEntryResponseSchema,
    );
    return mapBlacklistEntry(body.data);
  }

  override async removeFromBlacklist(
    channel: BlacklistChannel,
    recipient: string,
    opts: CallOptions = {},
  ): Promise<void> {
    await this.raw({
      method: 'DELETE',
      path: `${API}/v2/blacklist/${channel}`,
      json: { recipient },
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  }

  // ---- WhatsApp conversations ----------------------------------------------

  override async listConversations(
    q: PageRequest & { from?: string; to?: string },
    opts: CallOptions = {},
  ): Promise<Page<Conversation>> {
    const body = await this.call(
      {
        method: 'GET',
        path: `${API}/whatsapp/conversations`,
        query: { ...pageQuery(q), from: q.from, to: q.to },
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      WhatsAppConversationListResponseSchema,
    );
    return toPage(body.data.map(mapConversation), body.meta.pagination);
  }

  override async getConversation(
    from: string,
    to: string,
    opts: CallOptions = {},
  ): Promise<Conversation> {
    const body = await this.call(
      {
        method: 'GET',
        path: `${API}/whatsapp/conversations/${seg(from)}/${seg(to)}`,
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      WhatsAppConversationResponseSchema,
    );
    return mapConversation(body.data);
  }

  override async listConversationMessages(
    from: string,
    to: string,
    p: PageRequest,
    opts: CallOptions = {},
  ): Promise<Page<ConversationMessage>> {
    const body = await this.call(
      {
        method: 'GET',
        path: `${API}/whatsapp/conversations/${seg(from)}/${seg(to)}/messages`,
        query: pageQuery(p),
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      WhatsAppMessageListResponseSchema,
    );
    return toPage(
      body.data.map((m) => mapConversationMessage(m, to)),
      body.meta.pagination,
    );
  }

  override async sendConversationMessage(
    from: string,
    to: string,
    text: string,
    opts: CallOptions = {},
  ): Promise<ConversationMessage | null> {
    const res = await this.raw({
      method: 'POST',
      path: `${API}/whatsapp/conversations/${seg(from)}/${seg(to)}/messages`,
      json: { content: text },
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    // The seed documents no answer body here: take the message when one is given.
    const json = tryParseJson(res.text);
    const parsed = json.ok ? WhatsAppSendMessageResponseSchema.safeParse(json.value) : null;
    return parsed?.success ? mapConversationMessage(parsed.data.data, to) : null;
  }

  override async sendWhatsAppTemplate(
    t: { templateId: number; from: string; to: string; bodyFields: readonly string[] },
    opts: CallOptions = {},
  ): Promise<string> {
    const body = await this.call(
      {
        method: 'POST',
        path: `${API}/whatsapp`,
        json: {
          templateId: t.templateId,
          from: t.from,
          messages: [
            { to: t.to, ...(t.bodyFields.length > 0 ? { bodyFields: t.bodyFields } : {}) },
          ],
        },
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      WhatsAppTemplateSendResponseSchema,
    );
    const result = body.result[0];
    if (result?.accepted) return result.id;
    throw new ProviderError({
      code: result?.error.code ?? 'refused',
      httpStatus: 207,
      kind: 'permanent',
      message: result?.error.description ?? 'The provider did not accept the template message.',
    });
  }

  // ---- scheduled messages --------------------------------------------------

  override async listScheduled(
    q: { guids?: readonly string[]; sendingId?: string },
    opts: CallOptions = {},
  ): Promise<ScheduledMessage[]> {
    const guids = q.guids ?? [];
    const body = await this.call(
      {
        method: 'GET',
        path: `${API}/scheduled`,
        query: {
          ...(guids.length === 1 ? { guid: guids[0] } : {}),
          ...(guids.length > 1 ? { 'guid[]': guids } : {}),
          sendingId: q.sendingId,
        },
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      ScheduledListResponseSchema,
    );
    const items = Array.isArray(body.result) ? body.result : [body.result];
    return items.map(mapScheduled);
  }

  override async reschedule(
    guids: readonly string[],
    at: string,
    opts: CallOptions = {},
  ): Promise<number> {
    refuseAll(guids, 'reschedule');
    const body = await this.call(
      {
        method: 'PUT',
        path: `${API}/scheduled`,
        json: { guid: guids.map(wireGuid), scheduleDate: toNrsDate(at) },
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      ScheduledUpdateResponseSchema,
    );
    return body.updated;
  }

  override async deleteScheduled(
    guids: readonly string[],
    opts: CallOptions = {},
  ): Promise<number> {
    refuseAll(guids, 'delete');
    const body = await this.call(
      {
        method: 'DELETE',
        path: `${API}/scheduled`,
        json: { guid: guids.map(wireGuid) },
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      ScheduledDeleteResponseSchema,
    );
    return body.deleted;
  }

  // ---- account -------------------------------------------------------------

  override async getAccount(opts: CallOptions = {}): Promise<AccountInfo> {
    const body = await this.call(
      { method: 'GET', path: `${API}/account`, ...(opts.signal ? { signal: opts.signal } : {}) },
      AccountResponseSchema,
    );
    return mapAccount(body);
  }

  override async listCoverage(opts: CallOptions = {}): Promise<CoveragePrice[]> {
    const body = await this.call(
      {
        method: 'GET',
        path: `${API}/sms/coverage`,
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      CoverageResponseSchema,
    );
    return body.data.map(mapCoverage);
  }
}

/** The seed shows numeric guids in bodies (line 2552); numeric strings go out as numbers. */
function wireGuid(g: string): string | number {
  return /^\d+$/.test(g) ? Number(g) : g;
}

/** Without guids the API acts on EVERY scheduled message (seed line 2665, 2802). */
function refuseAll(guids: readonly string[], verb: string): void {
  if (guids.length === 0) {
    throw new ProviderError({
      code: 'refused',
      httpStatus: null,
      kind: 'permanent',
      message: `Refusing to ${verb} scheduled messages without naming them: 360nrs would ${verb} all of them.`,
    });
  }
}
