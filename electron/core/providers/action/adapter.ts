import { capabilities } from '../../../../shared/domain/capabilities';
import type { Contact, ContactInput, ContactQuery } from '../../../../shared/domain/contact';
import type {
  OutgoingBatch,
  OutgoingMessage,
  RecipientResult,
  SendResult,
} from '../../../../shared/domain/message';
import type { Page, PageRequest } from '../../../../shared/domain/page';
import type { ProviderFailure } from '../../../../shared/domain/provider-error';
import {
  type Action,
  ActionResponseSchema,
  type ActionResult,
  encodeActionRequest,
} from '../../../../shared/providers/action/schemas';
import { BaseAdapter } from '../base-adapter';
import { withSignal } from '../call-options';
import { invalidRequest, ProviderError } from '../errors';
import { HttpClient } from '../http';
import { isSuccess } from '../response';
import { simpleError } from '../simple-errors';
import type { AdapterConfig, CallOptions } from '../types';
import { contactFromInput, mapActionContact, toActionFields, toActionNumber } from './contacts';

const NAME = 'The action API';

const lostResult: ProviderFailure = {
  code: 'unknown-outcome',
  httpStatus: null,
  kind: 'unknown-outcome',
  message: `${NAME} answered without a result for this message, so whether it was sent is unknown.`,
};

/** Action API (seed 000): one endpoint, a body of numbered actions plus the secret key. */
export class ActionAdapter extends BaseAdapter {
  readonly provider = 'action' as const;
  readonly capabilities = capabilities([
    'sendSms',
    'batchSend',
    'voiceCall',
    'contactsSearch',
    'contactsRead',
    'contactsWrite',
    'contactsDelete',
    'customFields',
    'automation',
  ]);
  protected readonly http: HttpClient;
  protected readonly displayName = NAME;
  private readonly secret: string;
  private readonly fieldIds: () => Readonly<Record<string, string>>;

  constructor(config: AdapterConfig) {
    super();
    this.secret = config.secret;
    this.fieldIds = config.customFieldIds ?? (() => ({}));
    this.http = new HttpClient({ ...config, providerName: NAME, secrets: [config.secret] });
  }

  /** Runs actions in one request; returns one result per action, in order. */
  private async run(
    actions: Action[],
    opts: CallOptions | undefined,
    idempotent: boolean,
  ): Promise<(ActionResult | undefined)[]> {
    const res = await this.http.send({
      method: 'POST',
      path: '',
      json: encodeActionRequest(this.secret, actions),
      idempotent,
      ...withSignal(opts),
    });
    if (!isSuccess(res)) throw this.http.redactError(simpleError(res, NAME));
    const results = this.http.parse(res, ActionResponseSchema);
    return actions.map((_, i) => results[i]);
  }

  /** The single result of a one-action call, or the error it carries. */
  private async runOne(action: Action, opts: CallOptions | undefined, idempotent: boolean) {
    const [r] = await this.run([action], opts, idempotent);
    if (!r) {
      throw new ProviderError({
        code: 'bad-body',
        httpStatus: 200,
        kind: idempotent ? 'transient' : 'unknown-outcome',
        message: `${NAME} answered without a result.`,
      });
    }
    if (r.status === 'error') {
      throw this.http.redactError(
        new ProviderError({
          code: 'action-error',
          httpStatus: 200,
          kind: 'permanent',
          message: `${NAME} refused the request: ${r.message}`,
          providerText: r.message,
        }),
      );
    }
    return r;
  }

  async verify(opts?: CallOptions): Promise<void> {
    await this.runOne({ type: 'SEARCH', idContact: 0 }, opts, true);
  }

  private async sendEach(
    type: 'SMS' | 'CALL',
    messages: { to: string; text: string }[],
    opts?: CallOptions,
  ): Promise<SendResult> {
    // The seed's number form, "+" and the country code (seed 000 lines 107, 126).
    const actions: Action[] = messages.map((m) => ({
      type,
      number: toActionNumber(m.to),
      text: m.text,
    }));
    const results = await this.run(actions, opts, false);
    return {
      campaignId: null,
      sendingId: null,
      results: messages.map((m, i): RecipientResult => {
        const r = results[i];
        if (!r) return { to: m.to, accepted: false, failure: lostResult };
        if (r.status === 'error') {
          return {
            to: m.to,
            accepted: false,
            failure: {
              code: 'action-error',
              httpStatus: 200,
              kind: 'permanent',
              message: this.http.redact(`${NAME} refused this message: ${r.message}`),
            },
          };
        }
        const id = r.id === undefined ? null : String(r.id);
        return {
          to: m.to,
          accepted: true,
          messageId: id,
          parts: null,
          scheduledAt: null,
          expiresAt: null,
        };
      }),
    };
  }

  override sendBatch(batch: OutgoingBatch, opts?: CallOptions): Promise<SendResult> {
    if (batch.recipients.some((r) => r.fields && Object.keys(r.fields).length > 0)) {
      return Promise.reject(
        new ProviderError({
          code: 'unsupported',
          httpStatus: null,
          kind: 'permanent',
          message: `${NAME} has no merge fields; render each recipient's text before sending.`,
        }),
      );
    }
    const messages = batch.recipients.map((r) => ({ to: r.to, text: r.text ?? batch.text }));
    return this.sendEach('SMS', messages, opts);
  }

  override sendCall(message: OutgoingMessage, opts?: CallOptions): Promise<SendResult> {
    return this.sendEach('CALL', [{ to: message.to, text: message.text }], opts);
  }

  /**
   * SEARCH takes first name, last name or id. One word is tried as either
   * name (two actions, one request) and the answers merged.
   */
  override async listContacts(
    q: ContactQuery & PageRequest,
    opts?: CallOptions,
  ): Promise<Page<Contact>> {
    const words = (q.search ?? '').trim().split(/\s+/).filter(Boolean);
    const actions: Action[] =
      words.length === 0
        ? [{ type: 'SEARCH' }]
        : words.length === 1
          ? [
              { type: 'SEARCH', Fname: words[0] },
              { type: 'SEARCH', Lname: words[0] },
            ]
          : [{ type: 'SEARCH', Fname: words[0], Lname: words.slice(1).join(' ') }];
    const results = await this.run(actions, opts, true);
    const ids = this.fieldIds();
    const byId = new Map<string, Contact>();
    for (const r of results) {
      if (r?.status !== 'success') continue;
      for (const c of r.data ?? []) byId.set(String(c.idContact), mapActionContact(c, ids));
    }
    const items = [...byId.values()];
    return {
      items,
      page: 1,
      pageSize: items.length,
      total: items.length,
      totalPages: 1,
      hasMore: false,
    };
  }

  override async getContact(id: string, opts?: CallOptions): Promise<Contact> {
    const r = await this.runOne({ type: 'SEARCH', idContact: Number(id) }, opts, true);
    const found = (r.data ?? []).find((c) => String(c.idContact) === id);
    if (!found) {
      throw new ProviderError({
        code: 404,
        httpStatus: 200,
        kind: 'permanent',
        message: `${NAME} has no contact ${id}.`,
      });
    }
    return mapActionContact(found, this.fieldIds());
  }

  override async createContact(input: ContactInput, opts?: CallOptions): Promise<Contact> {
    if (!input.phone) {
      throw invalidRequest(`${NAME} needs a phone number to create a contact.`);
    }
    const ids = this.fieldIds();
    const fields = toActionFields(input, ids);
    const r = await this.runOne(
      {
        type: 'NEW',
        ...fields,
        Number: toActionNumber(input.phone),
        ...(input.opportunity !== undefined ? { Opportunitie: input.opportunity } : {}),
      },
      opts,
      false,
    );
    return contactFromInput(String(r.id ?? ''), input, ids);
  }

  override async updateContact(
    id: string,
    patch: ContactInput,
    opts?: CallOptions,
  ): Promise<Contact> {
    if (patch.opportunity !== undefined) {
      // EDIT (seed 000 lines 33-39) has no Opportunitie; only NEW sets it (line 17).
      throw invalidRequest(`${NAME} sets Opportunitie only when a contact is created.`);
    }
    await this.runOne(
      { type: 'EDIT', idContact: Number(id), ...toActionFields(patch, this.fieldIds()) },
      opts,
      true,
    );
    return this.getContact(id, opts);
  }

  override async deleteContact(id: string, opts?: CallOptions): Promise<void> {
    await this.runOne({ type: 'TRASH', idContact: Number(id) }, opts, true);
  }

  override async addToAutomation(
    contactId: string,
    automationId: string,
    opts?: CallOptions,
  ): Promise<void> {
    await this.runOne({ idContact: Number(contactId), idAuto: Number(automationId) }, opts, false);
  }
}
