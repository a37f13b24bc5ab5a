import { ACTION_NUMBER, type Action, ActionSchema } from '../../../shared/providers/action/schemas';
import { isoUtc } from '../clock';
import type { SandboxContext } from '../context';
import { type ApiHandler, isRecord, json, parseJsonBody, type SandboxReply } from '../http-types';
import { measureMessage } from '../nrs/length';
import { costMicros } from '../nrs/price';
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

/** Only the seed's form, "+" and the country code (seed 000 lines 9, 107, 126): "34666…" is refused. */
function numberProblem(n: string): Result | null {
  return ACTION_NUMBER.test(n)
    ? null
    : fail(`${n} is not a phone number in international form with "+" and the country code.`);
}

/** `Custom` is keyed by the ids of the account's custom fields (seed 000 line 5). */
function customProblem(
  store: ActionStore,
  custom: Record<string, string> | undefined,
): Result | null {
  const unknown = Object.keys(custom ?? {}).filter((id) => !store.customFields.has(id));
  return unknown.length === 0
    ? null
    : fail(`No custom field has the id ${unknown.map((id) => `"${id}"`).join(', ')}.`);
}

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
      const problem = numberProblem(action.Number) ?? customProblem(store, action.Custom);
      if (problem) return problem;
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
      const problem =
        (action.Number === undefined ? null : numberProblem(action.Number)) ??
        customProblem(store, action.Custom);
      if (problem) return problem;
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
      const problem = numberProblem(action.number);
      if (problem) return problem;
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

/** Costs its parts (at the coverage price) from the shared wallet and goes into the ledger like an nrs send. */
function sendSms(store: ActionStore, ctx: SandboxContext, number: string, text: string): Result {
  const problem = numberProblem(number);
  if (problem) return problem;
  if (text.trim() === '') return fail('The text is empty.');
  const gsm = measureMessage(text, 'gsm');
  const parts =
    gsm.unrepresentable.length === 0 ? gsm.segments : measureMessage(text, 'utf-16').segments;
  if (!ctx.wallet.charge(costMicros(number, parts))) return fail('Not enough credits.');
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
