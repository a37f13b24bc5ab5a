import type { Contact, ContactInput } from '../../../../shared/domain/contact';
import type { ActionContact } from '../../../../shared/providers/action/schemas';
import { invalidRequest } from '../errors';

type FieldIds = Readonly<Record<string, string>>;

/**
 * The seed's number form (seed 000 lines 9, 107, 126: "+16193596440"): `+`, the
 * country code and the number, digits only. Outpost keeps numbers as
 * international digits ("34666555444"); "0034…" and spaces are tolerated.
 */
export function toActionNumber(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `+${digits.startsWith('00') ? digits.slice(2) : digits}`;
}

/** Provider ids back to the person's names; an id nobody mapped keeps its id as the key. */
export function mapActionContact(c: ActionContact, ids: FieldIds = {}): Contact {
  const nameOf = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return {
    id: String(c.idContact),
    phone: c.Number,
    email: c.Email ?? null,
    landline: null,
    firstName: c.Fname ?? null,
    lastName: c.Lname ?? null,
    company: null,
    countryIso: null,
    books: [],
    tags: [],
    customFields: Object.entries(c.Custom ?? {}).map(([id, value]) => {
      const name = nameOf.get(id);
      return { key: name ?? id, ...(name ? { label: name } : {}), type: 'string' as const, value };
    }),
    notes: null,
    stage: null,
    createdAt: null,
    updatedAt: null,
    ...(c.Opportunitie !== undefined ? { opportunity: c.Opportunitie } : {}),
  };
}

/**
 * `Custom` keyed by the provider's custom-field ids (seed 000 lines 5, 13-16).
 * A field with no id mapped is refused before anything is sent: the API would
 * otherwise store it under a name it does not know, or drop it.
 */
export function toActionCustom(
  input: ContactInput,
  ids: FieldIds,
  account = 'this account',
): Record<string, string> | undefined {
  const fields = input.customFields ?? [];
  if (fields.length === 0) return undefined;
  const unmapped = fields.map((f) => f.key).filter((k) => ids[k] === undefined);
  if (unmapped.length > 0) {
    throw invalidRequest(
      `The action API keys custom fields by the provider's field id, and ${account} has none for ${unmapped.map((k) => `"${k}"`).join(', ')}: map each with \`outpost account fields --name NAME --set ${unmapped[0]}=ID\` (the id is on the provider's dashboard).`,
    );
  }
  return Object.fromEntries(fields.map((f) => [ids[f.key] as string, String(f.value ?? '')]));
}

/** The contact fields of a NEW / EDIT action. */
export function toActionFields(
  input: ContactInput,
  ids: FieldIds,
): {
  Number?: string;
  Email?: string;
  Fname?: string;
  Lname?: string;
  Custom?: Record<string, string>;
} {
  const out: ReturnType<typeof toActionFields> = {};
  if (input.phone !== undefined) out.Number = toActionNumber(input.phone);
  if (input.email !== undefined) out.Email = input.email;
  if (input.firstName !== undefined) out.Fname = input.firstName;
  if (input.lastName !== undefined) out.Lname = input.lastName;
  const custom = toActionCustom(input, ids);
  if (custom) out.Custom = custom;
  return out;
}

/** A contact as we know it after NEW/EDIT (the API answers only the id). */
export function contactFromInput(id: string, input: ContactInput, ids: FieldIds): Contact {
  return mapActionContact(
    {
      idContact: Number(id),
      Number: input.phone === undefined ? '' : toActionNumber(input.phone),
      Email: input.email ?? null,
      Fname: input.firstName ?? null,
      Lname: input.lastName ?? null,
      Custom: toActionCustom(input, ids) ?? {},
      Opportunitie: input.opportunity ?? false,
    },
    ids,
  );
}
