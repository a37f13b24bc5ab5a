import type { Contact, ContactInput } from '../../../../shared/domain/contact';
import type { ActionContact } from '../../../../shared/providers/action/schemas';

export function mapActionContact(c: ActionContact): Contact {
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
    customFields: Object.entries(c.Custom ?? {}).map(([key, value]) => ({
      key,
      type: 'string' as const,
      value,
    })),
    notes: null,
    stage: null,
    createdAt: null,
    updatedAt: null,
  };
}

/** The contact fields of a NEW / EDIT action; `Custom` is keyed by the custom field's id. */
export function toActionFields(input: ContactInput): {
  Number?: string;
  Email?: string;
  Fname?: string;
  Lname?: string;
  Custom?: Record<string, string>;
} {
  const out: ReturnType<typeof toActionFields> = {};
  if (input.phone !== undefined) out.Number = input.phone;
  if (input.email !== undefined) out.Email = input.email;
  if (input.firstName !== undefined) out.Fname = input.firstName;
  if (input.lastName !== undefined) out.Lname = input.lastName;
  if (input.customFields !== undefined && input.customFields.length > 0) {
    out.Custom = Object.fromEntries(input.customFields.map((f) => [f.key, String(f.value ?? '')]));
  }
  return out;
}

/** A contact as we know it after NEW/EDIT (the API answers only the id). */
export function contactFromInput(id: string, input: ContactInput): Contact {
  return mapActionContact({
    idContact: Number(id),
    Number: input.phone ?? '',
    Email: input.email ?? null,
    Fname: input.firstName ?? null,
    Lname: input.lastName ?? null,
    Custom: Object.fromEntries(
      (input.customFields ?? []).map((f) => [f.key, String(f.value ?? '')]),
    ),
  });
}
