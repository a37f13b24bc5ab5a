/**
 * The import's own sentences, in one place so the renderer's Spanish
 * (renderer/src/i18n/core-sentences.ts) can be checked against every one of
 * them (test/unit/i18n/import-sentences.test.ts). A phone number's reason
 * comes from shared/phone; a duplicate is said by the renderer itself.
 */

/** Why a row is skipped. */
export const ROW_REASONS = {
  tooLong: (limit: number) => `Longer than ${limit} characters.`,
  notAnEmail: (value: string) => `"${value}" is not an email address.`,
  nameNeeded: (provider: string) => `The ${provider} API needs a name for a new contact.`,
};

/** Why the check refuses the choices, before the file is read. */
export const CHOICE_REFUSALS = {
  noTags: (provider: string) => `The ${provider} API has no contact tags.`,
  tagName: () => 'Give the tag a name (up to 60 characters).',
  chooseAddressBook: (account: string) => `Choose one of "${account}"'s address books.`,
  noBooks: (provider: string) => `The ${provider} API keeps no contact books.`,
  noSuchAddressBook: (account: string, id: string) => `"${account}" has no address book ${id}.`,
  cannotMakeBooks: (account: string) =>
    `The address-book API cannot make books; choose one of "${account}"'s books.`,
  bookGone: () => 'That book no longer exists here.',
  bookName: () => 'Give the new book a name (up to 120 characters).',
  noColumn: (n: number) => `The file has no column ${n}.`,
  oneName: (provider: string) => `The ${provider} API keeps one name only, not a surname.`,
  noEmail: (provider: string) => `The ${provider} API keeps no email addresses.`,
  customUnnamed: () => 'Name every custom field.',
  noCustomFields: (account: string) => `"${account}" has no custom fields to fill.`,
  notACustomField: (field: string, fields: string) =>
    `"${field}" is not a custom field of this account; its fields are ${fields}.`,
};
