import type { Contact, ContactInput } from '../../../../shared/domain/contact';
import type { AbContact } from '../../../../shared/providers/addressbook/schemas';

const CUSTOM_KEYS = ['custom_1', 'custom_2', 'custom_3', 'custom_4'] as const;
type CustomKey = (typeof CUSTOM_KEYS)[number];

export function mapAbContact(c: AbContact, knownBookId?: string): Contact {
  const bookId = c.group_id !== undefined ? String(c.group_id) : knownBookId;
  return {
    id: String(c.id),
    phone: c.phone_number,
    email: null,
    landline: null,
    firstName: c.first_name ?? null,
    lastName: c.last_name ?? null,
    company: c.company ?? null,
    countryIso: null,
    // The API has no book names; the id is all it gives.
    books: bookId ? [{ id: bookId, name: bookId }] : [],
    tags: [],
    customFields: CUSTOM_KEYS.filter((k) => c[k] != null).map((k) => ({
      key: k,
      type: 'string' as const,
      value: c[k] ?? null,
    })),
    notes: null,
    stage: null,
    createdAt: null,
    updatedAt: null,
  };
}

export interface AbFields {
  phone_number?: string;
  first_name?: string;
  last_name?: string;
  company?: string;
  custom_1?: string;
  custom_2?: string;
  custom_3?: string;
  custom_4?: string;
}

/** Custom fields map onto the four fixed slots `custom_1`..`custom_4`; other keys are refused by the caller. */
export function toAbFields(input: ContactInput): AbFields {
  const out: AbFields = {};
  if (input.phone !== undefined) out.phone_number = input.phone;
  if (input.firstName !== undefined) out.first_name = input.firstName;
  if (input.lastName !== undefined) out.last_name = input.lastName;
  if (input.company !== undefined) out.company = input.company;
  for (const f of input.customFields ?? []) {
    if ((CUSTOM_KEYS as readonly string[]).includes(f.key)) {
      out[f.key as CustomKey] = String(f.value ?? '');
    }
  }
  return out;
}

export function unknownCustomKeys(input: ContactInput): string[] {
  return (input.customFields ?? [])
    .map((f) => f.key)
    .filter((k) => !(CUSTOM_KEYS as readonly string[]).includes(k));
}
