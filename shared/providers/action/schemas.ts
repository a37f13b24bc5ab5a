import { z } from 'zod';

/*
 * Action API (seed 000). One endpoint takes a JSON body of actions. The seed
 * never shows the endpoint (`$url`) nor any response body, and its PHP examples
 * are cut just before the secret key line (`'Secret Key');`). Agreed reading:
 *
 * - Endpoint: POST to the account's base URL itself (`${baseUrl}`), JSON body.
 * - Body: what the PHP builds, `$data = array('secretKey' => KEY); $data[] = action; ...`,
 *   which json_encode turns into an OBJECT: `{"secretKey":"KEY","0":{action},"1":{action}}`.
 *   Use `encodeActionRequest` / `decodeActionRequest` rather than building it by hand.
 * - Answer (undocumented; ours): HTTP 200 with a JSON array, one result per
 *   action in order (see ActionResultSchema). A wrong or missing key: HTTP 401
 *   `{"status":"error","message":"..."}`; an unreadable body: HTTP 400, same shape.
 */

/**
 * Every action is strict: a key the seed does not show is refused, so the sandbox
 * (which parses with these) accepts only what the document says.
 */
/** The seed's number form: "+", country code, number (lines 9, 38, 107, 126). */
export const ACTION_NUMBER = /^\+[1-9]\d{7,14}$/;

/** `type: NEW` (seed 000 line 6-17). `Custom` maps the provider's custom-field ids to values. */
export const ActionNewContactSchema = z
  .object({
    type: z.literal('NEW'),
    Number: z.string(),
    Email: z.string().optional(),
    Fname: z.string().optional(),
    Lname: z.string().optional(),
    Custom: z.record(z.string(), z.string()).optional(),
    Opportunitie: z.boolean().optional(),
  })
  .strict();

/** `type: EDIT` (line 33-39); `idContact` required. */
export const ActionEditContactSchema = z
  .object({
    type: z.literal('EDIT'),
    idContact: z.number().int(),
    Number: z.string().optional(),
    Email: z.string().optional(),
    Fname: z.string().optional(),
    Lname: z.string().optional(),
    Custom: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const ActionTrashContactSchema = z
  .object({
    type: z.literal('TRASH'),
    idContact: z.number().int(),
  })
  .strict();

/** `type: SEARCH` by first name, last name or id (line 70-76); 0 / absent = not a criterion. */
export const ActionSearchContactSchema = z
  .object({
    type: z.literal('SEARCH'),
    Fname: z.string().optional(),
    Lname: z.string().optional(),
    idContact: z.number().int().optional(),
  })
  .strict();

export const ActionSendSchema = z
  .object({
    type: z.enum(['SMS', 'CALL']),
    number: z.string(),
    text: z.string(),
  })
  .strict();

/** Add to automation (line 89-93): the only action without `type`. */
export const ActionAddToAutomationSchema = z
  .object({
    idContact: z.number().int(),
    idAuto: z.number().int(),
  })
  .strict();

const TypedActionSchema = z.discriminatedUnion('type', [
  ActionNewContactSchema,
  ActionEditContactSchema,
  ActionTrashContactSchema,
  ActionSearchContactSchema,
  ActionSendSchema,
]);

export const ActionSchema = z.union([TypedActionSchema, ActionAddToAutomationSchema]);
export type Action = z.infer<typeof ActionSchema>;

/** The wire body: `secretKey` plus the actions under "0", "1", ... */
export const ActionRequestSchema = z
  .object({ secretKey: z.string() })
  .catchall(z.unknown())
  .superRefine((body, ctx) => {
    for (const [k, v] of Object.entries(body)) {
      if (k === 'secretKey') continue;
      if (!/^\d+$/.test(k)) {
        ctx.addIssue({ code: 'custom', message: `unexpected key "${k}"`, path: [k] });
      } else if (!ActionSchema.safeParse(v).success) {
        ctx.addIssue({ code: 'custom', message: 'not a valid action', path: [k] });
      }
    }
  });
export type ActionRequest = z.infer<typeof ActionRequestSchema>;

export function encodeActionRequest(secretKey: string, actions: Action[]): Record<string, unknown> {
  const body: Record<string, unknown> = { secretKey };
  actions.forEach((a, i) => {
    body[String(i)] = a;
  });
  return body;
}

/** Returns the key and the actions in index order, or null when the body is not a valid request. */
export function decodeActionRequest(
  body: unknown,
): { secretKey: string; actions: Action[] } | null {
  const parsed = ActionRequestSchema.safeParse(body);
  if (!parsed.success) return null;
  const actions = Object.keys(parsed.data)
    .filter((k) => k !== 'secretKey')
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => ActionSchema.parse(parsed.data[k]));
  return { secretKey: parsed.data.secretKey, actions };
}

/** A contact as SEARCH returns it (ours: the request's own field names plus `idContact`). */
export const ActionContactSchema = z.object({
  idContact: z.number().int(),
  Number: z.string(),
  Email: z.string().nullable().optional(),
  Fname: z.string().nullable().optional(),
  Lname: z.string().nullable().optional(),
  Custom: z.record(z.string(), z.string()).optional(),
  Opportunitie: z.boolean().optional(),
});
export type ActionContact = z.infer<typeof ActionContactSchema>;

/**
 * One result per action. NEW / EDIT / add-to-automation answer `id` (the
 * contact; "RESPONSE ID DATA"), SEARCH answers `data`, TRASH only `status`
 * ("RESPONSE Status"), SMS / CALL an `id` for the message or call.
 */
export const ActionResultSchema = z.union([
  z.object({
    status: z.literal('success'),
    id: z.union([z.number(), z.string()]).optional(),
    data: z.array(ActionContactSchema).optional(),
  }),
  z.object({ status: z.literal('error'), message: z.string() }),
]);
export type ActionResult = z.infer<typeof ActionResultSchema>;

export const ActionResponseSchema = z.array(ActionResultSchema);
export type ActionResponse = z.infer<typeof ActionResponseSchema>;

export const ActionErrorResponseSchema = z.object({
  status: z.literal('error'),
  message: z.string(),
});
export type ActionErrorResponse = z.infer<typeof ActionErrorResponseSchema>;
