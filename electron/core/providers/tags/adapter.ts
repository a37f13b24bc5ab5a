import type { z } from 'zod';
import { capabilities } from '../../../../shared/domain/capabilities';
import type { Contact, ContactInput, ContactQuery, Tag } from '../../../../shared/domain/contact';
import type { Page, PageRequest } from '../../../../shared/domain/page';
import {
  TagsContactListResponseSchema,
  TagsContactResponseSchema,
  TagsDeleteResponseSchema,
  TagsTagChangeResponseSchema,
} from '../../../../shared/providers/tags/schemas';
import { BaseAdapter } from '../base-adapter';
import { withSignal } from '../call-options';
import { invalidRequest } from '../errors';
import { HttpClient, type HttpRequest } from '../http';
import { isSuccess } from '../response';
import { simpleError } from '../simple-errors';
import type { AdapterConfig, CallOptions } from '../types';
import { mapTagsContact, toTagsWrite } from './contacts';

const NAME = 'The tags API';
const DEFAULT_PAGE_SIZE = 100;
const seg = (s: string) => encodeURIComponent(s);

/** What this provider can do, known without an account (the outbox asks before sending). */
export const TAGS_CAPABILITIES = capabilities([
  'contactsList',
  'contactsSearch',
  'contactsRead',
  'contactsWrite',
  'contactsDelete',
  'tags',
  'customFields',
]);

/** Tags API (seed 002): contacts with tags, `x-api-key`. */
export class TagsAdapter extends BaseAdapter {
  readonly provider = 'tags' as const;
  readonly capabilities = TAGS_CAPABILITIES;
  protected readonly http: HttpClient;
  protected readonly displayName = NAME;

  constructor(config: AdapterConfig) {
    super();
    this.http = new HttpClient({
      ...config,
      providerName: NAME,
      headers: { 'x-api-key': config.secret },
      secrets: [config.secret],
    });
  }

  private async call<S extends z.ZodType>(req: HttpRequest, schema: S): Promise<z.infer<S>> {
    const res = await this.http.send(req);
    if (!isSuccess(res)) throw this.http.redactError(simpleError(res, NAME));
    return this.http.parse(res, schema);
  }

  async verify(opts?: CallOptions): Promise<void> {
    await this.call(
      { method: 'GET', path: '/v1/contacts', query: { limit: 1 }, ...withSignal(opts) },
      TagsContactListResponseSchema,
    );
  }

  /**
   * The answer is a bare array with no total (seed line 43): a page shorter
   * than the limit is the last. `tags` go comma-separated (the seed types it
   * as one string); `bookId` is the tags API's `locationId`.
   */
  override async listContacts(
    q: ContactQuery & PageRequest,
    opts?: CallOptions,
  ): Promise<Page<Contact>> {
    const pageSize = Math.max(1, q.pageSize ?? DEFAULT_PAGE_SIZE);
    const page = Math.max(1, q.page ?? 1);
    const items = await this.call(
      {
        method: 'GET',
        path: '/v1/contacts',
        query: {
          limit: pageSize,
          page,
          searchText: q.search ?? q.phone ?? q.email,
          tags: q.tags && q.tags.length > 0 ? q.tags.join(',') : undefined,
          locationId: q.bookId,
          channel: q.channel,
        },
        ...withSignal(opts),
      },
      TagsContactListResponseSchema,
    );
    return { items: items.map(mapTagsContact), page, pageSize, hasMore: items.length >= pageSize };
  }

  override async getContact(id: string, opts?: CallOptions): Promise<Contact> {
    const c = await this.call(
      { method: 'GET', path: `/v1/contacts/${seg(id)}`, ...withSignal(opts) },
      TagsContactResponseSchema,
    );
    return mapTagsContact(c);
  }

  override async createContact(input: ContactInput, opts?: CallOptions): Promise<Contact> {
    if (!input.phone) {
      throw invalidRequest(`${NAME} needs a phone number to create a contact.`);
    }
    const c = await this.call(
      { method: 'POST', path: '/v1/contacts', json: toTagsWrite(input), ...withSignal(opts) },
      TagsContactResponseSchema,
    );
    return mapTagsContact(c);
  }

  override async updateContact(
    id: string,
    patch: ContactInput,
    opts?: CallOptions,
  ): Promise<Contact> {
    const current = await this.getContact(id, opts);
    const c = await this.call(
      {
        method: 'PUT',
        path: `/v1/contacts/${seg(id)}`,
        json: toTagsWrite(patch, current),
        ...withSignal(opts),
      },
      TagsContactResponseSchema,
    );
    return mapTagsContact(c);
  }

  override async deleteContact(id: string, opts?: CallOptions): Promise<void> {
    await this.call(
      { method: 'DELETE', path: `/v1/contacts/${seg(id)}`, ...withSignal(opts) },
      TagsDeleteResponseSchema,
    );
  }

  private async changeTags(
    id: string,
    op: 'add' | 'remove',
    tags: readonly Tag[],
    opts?: CallOptions,
  ): Promise<Tag[]> {
    const body = await this.call(
      {
        method: 'POST',
        path: `/v1/contacts/${seg(id)}/tags/${op}`,
        json: { tags: [...tags] },
        // Adding or removing the same tags twice leaves the same result.
        idempotent: true,
        ...withSignal(opts),
      },
      TagsTagChangeResponseSchema,
    );
    return body.tags;
  }

  override addTags(id: string, tags: readonly Tag[], opts?: CallOptions): Promise<Tag[]> {
    return this.changeTags(id, 'add', tags, opts);
  }

  override removeTags(id: string, tags: readonly Tag[], opts?: CallOptions): Promise<Tag[]> {
    return this.changeTags(id, 'remove', tags, opts);
  }
}
