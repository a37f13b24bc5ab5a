/** A custom field value as providers keep them. `type` is 'string' when the provider has no types. */
export interface CustomField {
  key: string;
  /** Label shown to people when the provider gives one (else the key). */
  label?: string;
  type: 'string' | 'date' | 'decimal';
  value: string | number | null;
}

/** An address book / group / list that contacts belong to. */
export interface ContactBook {
  id: string;
  name: string;
}

/** A tag is a plain label (the tags API and campaign tags). */
export type Tag = string;

/**
 * A contact as every provider's contacts are mapped. Ids are strings whatever
 * the provider uses, so a 360nrs `1` and a tags-API `"a1b2"` look alike.
 * Fields a provider does not have are null / empty.
 */
export interface Contact {
  id: string;
  /** Mobile number as the provider stores it (international digits, often without '+'). */
  phone: string | null;
  email: string | null;
  landline: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  countryIso: string | null;
  books: ContactBook[];
  tags: Tag[];
  customFields: CustomField[];
  notes: string | null;
  /** Provider-specific stage or pipeline step (tags API), else null. */
  stage: string | null;
  /** Action API `Opportunitie`, when the provider says. */
  opportunity?: boolean;
  createdAt: string | null;
  updatedAt: string | null;
}

/**
 * What a person edits. Absent fields are left unchanged on update; on create,
 * each provider requires its own minimum (a phone, and for 360nrs a book).
 */
export interface ContactInput {
  phone?: string;
  email?: string;
  landline?: string;
  firstName?: string;
  lastName?: string;
  company?: string;
  countryIso?: string;
  /** Books by id; moves the contact where the provider can (address-book API). */
  bookIds?: string[];
  /** Books by name (360nrs creates missing ones). */
  bookNames?: string[];
  tags?: Tag[];
  customFields?: Pick<CustomField, 'key' | 'type' | 'value'>[];
  notes?: string;
  stage?: string;
  /** Action API `Opportunitie` (seed 000 line 17): also open an opportunity; on create only. */
  opportunity?: boolean;
}

export interface ContactQuery {
  /** Free text (tags API `searchText`; action API first/last name). */
  search?: string;
  phone?: string;
  email?: string;
  countryIso?: string;
  bookId?: string;
  tags?: Tag[];
}
