import { type Action, ActionSchema } from '../../../shared/providers/action/schemas';
import { isoUtc } from '../clock';
import type { SandboxContext } from '../context';
import { type ApiHandler, isRecord, json, parseJsonBody, type SandboxReply } from '../http-types';
import { measureMessage } from '../nrs/length';
import { validRecipient } from '../nrs/send-checks';
import type { ActionContact, ActionStore } from './store';

/**
 * The Action API (seed 000): one endpoint, POST to the base URL, body
 * `{"secretKey": KEY, "0": {action}, "1": {action}}` (what the seed's PHP json_encodes).
 * Answers (undocumented; agreed with the adapter's schema): 200 with one result per
 * action, in order; 401 / 400 `{"status":"error","message"}` for a wrong key / bad body.
 */
type Result =
  | { status: 'success'; id?: number | string; data?: ReturnType<typeof contactView>[] }
  | { status: 'error'; message: string };

const fail = (message: string): Result => ({ status: 'error', message });

export function createActionApi(
  store: ActionStore,
  ctx: SandboxContext,
  secretKey: () => string,
): ApiHandler {
  return (req): SandboxReply => {
    if (req.path !== '/' && req.path !== '') return json(404, fail('Not found'));
    if (req.method !== 'POST') return json(405, fail('Only POST is accepted.'));
    const body = parseJsonBody(req.rawBody);
    if (!body.ok || !isRecord(body.value))
      return json(400, fail('The body is not a valid JSON object.'));
    if (body.value.secretKey !== secretKey()) return json(401, fail('Invalid secret key.'));
    const keys = Object.keys(body.value)
      .filter((k) => /^\d+$/.test(k))
      .sort((a, b) => Number(a) - Number(b));
    if (keys.length === 0) return json(400, fail('The body carries no action.'));
    const results = keys.map((k) => {
      const parsed = ActionSchema.safeParse((body.value as Record<string, unknown>)[k]);
      return parsed.success
        ? run(store, ctx, parsed.data)
        : fail(`Action ${k} is not a valid action.`);
    });
    return json(200, results);
  };
}

function run(store: ActionStore, ctx: SandboxContext, action: Action): Result {
  if (!('type' in action)) return addToAutomation(store, action.idContact, action.idAuto);
  switch (action.type) {
    case 'NEW': {
      if (!validRecipient(action.Number))
        return fail(`${action.Number} is not a valid phone number.`);
      const contact: ActionContact = {
        idContact: store.contactId(),
        Number: action.Number,
        Email: action.Email ?? null,
        Fname: action.Fname ?? null,
        Lname: action.Lname ?? null,
        Custom: action.Custom ?? {},
        Opportunitie: action.Opportunitie ?? false,
        automations: [],
      };
      store.put(contact);
      return { status: 'success', id: contact.idContact };
    }
    case 'EDIT': {
      const contact = store.contacts.get(action.idContact);
      if (!contact) return fail(`Contact ${action.idContact} does not exist.`);
      if (action.Number !== undefined && !validRecipient(action.Number)) {
        return fail(`${action.Number} is not a valid phone number.`);
      }
      contact.Number = action.Number ?? contact.Number;
      contact.Email = action.Email ?? contact.Email;
      contact.Fname = action.Fname ?? contact.Fname;
      contact.Lname = action.Lname ?? contact.Lname;
      contact.Custom = { ...contact.Custom, ...action.Custom };
      return { status: 'success', id: contact.idContact };
    }
    case 'TRASH':
      return store.contacts.delete(action.idContact)
        ? { status: 'success' }
        : fail(`Contact ${action.idContact} does not exist.`);
    case 'SEARCH':
      return { status: 'success', data: search(store, action).map(contactView) };
    case 'SMS':
      return sendSms(store, ctx, action.number, action.text);
    case 'CALL': {
      if (!validRecipient(action.number))
        return fail(`${action.number} is not a valid phone number.`);
      if (action.text.trim() === '') return fail('The text is empty.');
      const id = store.messageId('call');
      store.calls.push({ id, number: action.number, text: action.text, at: ctx.clock.now() });
      return { status: 'success', id };
    }
  }
}

/** Names match case-insensitively as substrings; `idContact` 0 or absent is no criterion. */
function search(
  store: ActionStore,
  q: { Fname?: string; Lname?: string; idContact?: number },
): ActionContact[] {
  const has = (value: string | null, want: string | undefined) =>
    !want || (value ?? '').toLowerCase().includes(want.toLowerCase());
  return [...store.contacts.values()].filter(
    (c) =>
      (!q.idContact || c.idContact === q.idContact) &&
      has(c.Fname, q.Fname) &&
      has(c.Lname, q.Lname),
  );
}

function addToAutomation(store: ActionStore, idContact: number, idAuto: number): Result {
  const contact = store.contacts.get(idContact);
  if (!contact) return fail(`Contact ${idContact} does not exist.`);
  const auto = store.automations.get(idAuto);
  if (!auto) return fail(`Automation ${idAuto} does not exist.`);
  if (!auto.on || auto.nodes === 0) return fail(`Automation ${idAuto} is off or has no nodes.`);
  if (!contact.automations.includes(idAuto)) contact.automations.push(idAuto);
  return { status: 'success', id: idContact };
}

/** Costs its parts from the shared wallet and goes into the ledger like an nrs send. */
function sendSms(store: ActionStore, ctx: SandboxContext, number: string, text: string): Result {
  if (!validRecipient(number)) return fail(`${number} is not a valid phone number.`);
  if (text.trim() === '') return fail('The text is empty.');
  const gsm = measureMessage(text, 'gsm');
  const parts =
    gsm.unrepresentable.length === 0 ? gsm.segments : measureMessage(text, 'utf-16').segments;
  if (parts > ctx.wallet.credits) return fail('Not enough credits.');
  ctx.wallet.credits -= parts;
  const id = store.messageId('sms');
  ctx.ledger.record({
    api: 'action',
    to: number,
    messageId: id,
    text,
    parts,
    at: isoUtc(ctx.clock.now()),
  });
  return { status: 'success', id };
}

function contactView(c: ActionContact) {
  return {
    idContact: c.idContact,
    Number: c.Number,
    Email: c.Email,
    Fname: c.Fname,
    Lname: c.Lname,
    Custom: c.Custom,
    Opportunitie: c.Opportunitie,
  };
}
