import type { z } from 'zod';
import { capabilities } from '../../../../shared/domain/capabilities';
import type { Contact, ContactInput } from '../../../../shared/domain/contact';
import {
  AbContactDetailResponseSchema,
  AbIdResponseSchema,
} from '../../../../shared/providers/addressbook/schemas';
import { BaseAdapter } from '../base-adapter';
import { withSignal } from '../call-options';
import { invalidRequest, ProviderError } from '../errors';
import { HttpClient } from '../http';
import { isSuccess } from '../response';
import { simpleError } from '../simple-errors';
import type { AdapterConfig, CallOptions } from '../types';
import { mapAbContact, toAbFields, unknownCustomKeys } from './contacts';

const NAME = 'The address-book API';

/** What this provider can do, known without an account (the outbox asks before sending). */
export const ADDRESSBOOK_CAPABILITIES = capabilities([
  'contactsRead',
  'contactsWrite',
  'contactsDelete',
  'moveBetweenBooks',
  'customFields',
]);

/** Address-book API (seed 001): contacts in address books, Bearer token. */
export class AddressBookAdapter extends BaseAdapter {
  readonly provider = 'addressbook' as const;
  readonly capabilities = ADDRESSBOOK_CAPABILITIES;
  protected readonly http: HttpClient;
  protected readonly displayName = NAME;

  constructor(config: AdapterConfig) {
    super();
    this.http = new HttpClient({
      ...config,
      providerName: NAME,
      headers: { authorization: `Bearer ${config.secret}` },
      secrets: [config.secret],
    });
  }

  private async post<S extends z.ZodType>(
    action: 'new' | 'detail' | 'edit' | 'delete',
    body: unknown,
    schema: S,
    opts: CallOptions | undefined,
  ): Promise<z.infer<S>> {
    const res = await this.http.send({
      method: 'POST',
      path: `/api/contact/${action}`,
      json: body,
      // Every call but `new` can be repeated without harm.
      idempotent: action !== 'new',
      ...withSignal(opts),
    });
    if (!isSuccess(res)) throw this.http.redactError(simpleError(res, NAME));
    return this.http.parse(res, schema);
  }

  /** Any answer but an auth or network failure proves the token: a missing contact (404) is fine. */
  async verify(opts?: CallOptions): Promise<void> {
    try {
      await this.post('detail', { id: 0 }, AbContactDetailResponseSchema, opts);
    } catch (e) {
      if (e instanceof ProviderError && e.kind === 'permanent') return;
      throw e;
    }
  }

  override async getContact(id: string, opts?: CallOptions): Promise<Contact> {
    const body = await this.post('detail', { id: wireId(id) }, AbContactDetailResponseSchema, opts);
    return mapAbContact(body.result.contact);
  }

  override async createContact(input: ContactInput, opts?: CallOptions): Promise<Contact> {
    const book = input.bookIds?.[0];
    if (!book || !/^\d+$/.test(book))
      throw invalidRequest(`${NAME} needs an address book to add a contact to.`);
    if (!input.phone) throw invalidRequest(`${NAME} needs a phone number to add a contact.`);
    refuseUnknownFields(input);
    const body = await this.post(
      'new',
      { group_id: Number(book), ...toAbFields(input), phone_number: input.phone },
      AbIdResponseSchema,
      opts,
    );
    // The answer is only the id: the contact is what was sent.
    return mapAbContact(
      { id: body.result.id, ...toAbFields(input), phone_number: input.phone },
      book,
    );
  }

  /** `bookIds[0]` moves the contact to that address book (seed line 124). */
  override async updateContact(
    id: string,
    patch: ContactInput,
    opts?: CallOptions,
  ): Promise<Contact> {
    refuseUnknownFields(patch);
    const book = patch.bookIds?.[0];
    const body = {
      id: wireId(id),
      ...(book && /^\d+$/.test(book) ? { group_id: Number(book) } : {}),
      ...toAbFields(patch),
    };
    await this.post('edit', body, AbIdResponseSchema, opts);
    const detail = await this.post(
      'detail',
      { id: wireId(id) },
      AbContactDetailResponseSchema,
      opts,
    );
    return mapAbContact(detail.result.contact, book);
  }

  override async deleteContact(id: string, opts?: CallOptions): Promise<void> {
    await this.post('delete', { id: wireId(id) }, AbIdResponseSchema, opts);
  }
}

/** Integers on the wire, as in every example but one (seed line 89). */
function wireId(id: string): number | string {
  return /^\d+$/.test(id) ? Number(id) : id;
}

function refuseUnknownFields(input: ContactInput): void {
  const unknown = unknownCustomKeys(input);
  if (unknown.length > 0) {
    throw invalidRequest(
      `${NAME} only has the custom fields custom_1 to custom_4, not ${unknown.join(', ')}.`,
    );
  }
}
