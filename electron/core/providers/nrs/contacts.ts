import type { Contact, ContactInput } from '../../../../shared/domain/contact';
import type { ContactWriteRequest, NrsContact } from '../../../../shared/providers/nrs/contacts';

export function mapNrsContact(c: NrsContact): Contact {
  return {
    id: String(c.id),
    phone: c.phone,
    email: c.email,
    landline: c.landline,
    firstName: c.name,
    lastName: c.surname,
    company: null,
    countryIso: c.countryIso,
    books: (c.groups?.data ?? []).map((g) => ({ id: String(g.id), name: g.name })),
    tags: [],
    customFields: (c.customFields?.data ?? []).map((f) => ({
      key: f.key,
      type: f.type,
      value: f.value,
    })),
    notes: null,
    stage: null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** Only the fields present in `input` are sent, so an update leaves the rest alone. */
export function toNrsContactWrite(input: ContactInput): ContactWriteRequest {
  const out: ContactWriteRequest = {};
  if (input.email !== undefined) out.email = input.email;
  if (input.phone !== undefined) out.phone = input.phone.replace(/[^\d]/g, '');
  if (input.landline !== undefined) out.landline = input.landline;
  if (input.countryIso !== undefined) out.countryIso = input.countryIso.toUpperCase();
  if (input.firstName !== undefined) out.name = input.firstName;
  if (input.lastName !== undefined) out.surname = input.lastName;
  if (input.bookIds !== undefined) out.groupsIds = input.bookIds.map(Number);
  if (input.bookNames !== undefined) out.groupsNames = [...input.bookNames];
  if (input.customFields !== undefined) {
    out.customFields = input.customFields.map((f) => ({
      key: f.key,
      type: f.type,
      value: f.value ?? '',
    }));
  }
  return out;
}
