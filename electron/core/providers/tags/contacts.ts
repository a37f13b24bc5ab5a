import type { Contact, ContactInput } from '../../../../shared/domain/contact';
import type {
  TagsContact,
  TagsContactWriteRequest,
} from '../../../../shared/providers/tags/schemas';

/**
 * The API has one `name` field: it is kept whole in `firstName` (splitting a
 * name into first and last is guesswork) and written back joined.
 */
export function mapTagsContact(c: TagsContact): Contact {
  return {
    id: c.id,
    phone: c.phoneNumber,
    email: null,
    landline: null,
    firstName: c.name,
    lastName: null,
    company: null,
    countryIso: null,
    books: c.location ? [{ id: c.location.id, name: c.location.title }] : [],
    tags: c.tags,
    customFields: Object.entries(c.customFields ?? {}).map(([key, value]) => ({
      key,
      type: 'string' as const,
      value:
        value === null || value === undefined
          ? null
          : typeof value === 'number'
            ? value
            : String(value),
    })),
    notes: c.notes ?? null,
    stage: c.stage ?? null,
    createdAt: null,
    updatedAt: null,
  };
}

function fullName(first: string | null | undefined, last: string | null | undefined): string {
  return [first, last].filter((s) => s && s.trim() !== '').join(' ');
}

/**
 * A full write body: PUT requires name and phoneNumber (seed 002 line 196),
 * so an update merges the patch over the current contact.
 */
export function toTagsWrite(input: ContactInput, current?: Contact): TagsContactWriteRequest {
  const name =
    input.firstName !== undefined || input.lastName !== undefined
      ? fullName(input.firstName ?? current?.firstName, input.lastName ?? current?.lastName)
      : fullName(current?.firstName, current?.lastName);
  const out: TagsContactWriteRequest = {
    name,
    phoneNumber: input.phone ?? current?.phone ?? '',
  };
  const stage = input.stage ?? current?.stage;
  if (stage) out.stage = stage;
  const notes = input.notes ?? current?.notes;
  if (notes) out.notes = notes;
  const tags = input.tags ?? current?.tags;
  if (tags) out.tags = [...tags];
  const fields = input.customFields ?? current?.customFields;
  if (fields && fields.length > 0) {
    out.customFields = Object.fromEntries(fields.map((f) => [f.key, f.value]));
  }
  return out;
}
