import type { TFunction } from 'i18next';

/**
 * The core speaks English (the CLI and the logs need it). Its sentences that
 * reach the screen are translated HERE, and only here: by code where the core
 * sends one (pause codes, refusal reasons), else by recognising the sentence,
 * taking its parameters from it. Anything not recognised is shown as the core
 * wrote it, so a new core sentence is never lost, only untranslated until a
 * rule is added (test/unit/renderer/core-sentences.test.ts feeds it the core's
 * real sentences so a rewording there fails here).
 */
interface Rule {
  match: RegExp;
  key: string;
  /** Names for the regexp's groups, in order. */
  params?: readonly string[];
}

const RULES: readonly Rule[] = [
  { match: /^The message is empty\.$/, key: 'send.textEmpty' },
  {
    match: /^The message needs (\d+) parts but at most (\d+) are allowed\.$/,
    key: 'send.tooManyParts',
    params: ['parts', 'max'],
  },
  { match: /^The sender is missing\.$/, key: 'send.senderMissing' },
  {
    match: /^The numeric sender "(.*)" is longer than 15 digits\.$/,
    key: 'send.senderDigits',
    params: ['sender'],
  },
  {
    match: /^The sender "(.*)" may use only letters A-Z, digits and spaces\.$/,
    key: 'send.senderCharset',
    params: ['sender'],
  },
  {
    match: /^The sender "(.*)" is longer than 11 characters\.$/,
    key: 'send.senderLength',
    params: ['sender'],
  },
  {
    match: /^The number "(.*)" is not usable: (.*)$/,
    key: 'send.numberUnusable',
    params: ['number', 'reason'],
  },
  {
    match:
      /^\+(\d+) is on the suppression list since (.+) UTC: they opted out \(replied "(.*)" on WhatsApp\)\./,
    key: 'suppression.optedOutWhatsApp',
    params: ['number', 'since', 'word'],
  },
  {
    match: /^\+(\d+) is on the suppression list since (.+) UTC: they opted out/,
    key: 'suppression.optedOut',
    params: ['number', 'since'],
  },
  {
    match:
      /^\+(\d+) is on the suppression list since (.+) UTC: it is on the provider's blacklist\./,
    key: 'suppression.providerBlacklist',
    params: ['number', 'since'],
  },
  {
    match: /^\+(\d+) is on the suppression list since (.+) UTC: it was added by hand/,
    key: 'suppression.manual',
    params: ['number', 'since'],
  },
  {
    match: /^The WhatsApp session has ended \(more than 24 hours since their last message\)/,
    key: 'whatsapp.sessionEnded',
  },
  {
    match: /^Outpost stopped while this was being sent, so it may or may not have arrived/,
    key: 'whatsapp.cutOff',
  },
  {
    match: /^Template "(.*)" needs field (.*)\.$/,
    key: 'whatsapp.templateField',
    params: ['name', 'fields'],
  },
  {
    match: /^There is no message (\d+) in the outbox\.$/,
    key: 'control.noMessage',
    params: ['id'],
  },
  { match: /^Message (\d+) cannot be cancelled: /, key: 'control.cannotCancel', params: ['id'] },
  { match: /^Message (\d+) cannot be retried: /, key: 'control.cannotRetry', params: ['id'] },
  {
    match: /^An account named "(.*)" already exists\.$/,
    key: 'account.nameTaken',
    params: ['name'],
  },
  { match: /^A 360nrs account needs its API user name\.$/, key: 'account.usernameNeeded' },
  { match: /^Give the account a name\.$/, key: 'account.nameMissing' },
  { match: /^The address must start with https:\/\/ \(or http:\/\/\)\.$/, key: 'account.badUrl' },
  { match: /^Enter the password, token or key\.$/, key: 'account.secretMissing' },
  { match: /^Invalid IPv[46] address$|^Invalid input$/, key: 'account.badAddress' },
  {
    match: /^This computer offers no secure place to keep the secret\.$/,
    key: 'account.noSecretStore',
  },
  {
    match:
      /^The backup of (.*) will be restored when Outpost next starts, after a backup of the current data; restart Outpost to do it now\.$/,
    key: 'backup.restoreStaged',
    params: ['when'],
  },
  // The CSV wizard: what the file check found (electron/core/bulk sniff, shared/phone reasons).
  { match: /^the text is valid UTF-8$/, key: 'bulk.validUtf8' },
  {
    match: /^the text is not valid UTF-8, so it was read as Windows-1252/,
    key: 'bulk.windows1252',
  },
  { match: /^UTF-8 byte-order mark$/, key: 'bulk.bomUtf8' },
  { match: /^UTF-16 (little|big)-endian byte-order mark$/, key: 'bulk.bomUtf16' },
  { match: /^every other byte is zero/, key: 'bulk.zeroBytes' },
  { match: /^no delimiter splits the first line/, key: 'bulk.oneColumn' },
  ...(['comma', 'semicolon', 'tab', 'pipe'] as const).map((name) => ({
    match: new RegExp(
      `^the ${name} splits the first line into (\\d+) columns and (\\d+)% of the first rows have as many$`,
    ),
    key: `bulk.splits.${name}`,
    params: ['columns', 'percent'],
  })),
  {
    match:
      /^"(.*)" has no \+ or 00 prefix and is not a valid number when read as country code \+ number;/,
    key: 'bulk.noCountry',
    params: ['number'],
  },
  {
    match: /^"(.*)" is not a phone number: only digits/,
    key: 'bulk.notAPhone',
    params: ['number'],
  },
  {
    match: /^"(.*)" \(read as a number of .* because it has no \+ or 00 prefix\) is too short;/,
    key: 'bulk.tooShort',
    params: ['number'],
  },
  {
    match: /^"(.*)" \(read as a number of .* because it has no \+ or 00 prefix\) is too long;/,
    key: 'bulk.tooLong',
    params: ['number'],
  },
  {
    match:
      /^"(.*)" \(read as a number of .* because it has no \+ or 00 prefix\) (has a number of digits|is not a number in use)/,
    key: 'bulk.notInUse',
    params: ['number'],
  },
  { match: /^The phone number is empty\.$/, key: 'bulk.emptyPhone' },
  {
    match: /^"(.*)" is in scientific notation, so a spreadsheet has already dropped digits;/,
    key: 'bulk.scientific',
    params: ['number'],
  },
  {
    match: /^"(.*)" does not start with a valid country calling code\.$/,
    key: 'bulk.badCountryCode',
    params: ['number'],
  },
  // A number written with its country code: "(a number of Spain)" or "(country code +800)".
  ...(
    [
      ['is too short;', 'bulk.intlTooShort'],
      ['is too long;', 'bulk.intlTooLong'],
      ['has a number of digits no number there has', 'bulk.intlLength'],
      ['is not a number in use there;', 'bulk.intlNotInUse'],
    ] as const
  ).map(([tail, key]) => ({
    match: new RegExp(`^"(.*)" \\((?:a number of [^)]*|country code \\+[^)]*)\\) ${tail}`),
    key,
    params: ['number'],
  })),
  { match: /^The value for \{(.*)\} is empty\.$/, key: 'bulk.emptyField', params: ['field'] },
  { match: /^The row has no value for \{(.*)\}\.$/, key: 'bulk.missingField', params: ['field'] },
  // The contacts import (electron/core/contacts-import/sentences.ts).
  { match: /^Longer than (\d+) characters\.$/, key: 'contactsImport.tooLong', params: ['limit'] },
  {
    match: /^"(.*)" is not an email address\.$/,
    key: 'contactsImport.notAnEmail',
    params: ['value'],
  },
  {
    match: /^The (\S+) API needs a name for a new contact\.$/,
    key: 'contactsImport.nameNeeded',
    params: ['provider'],
  },
  {
    match: /^The (\S+) API has no contact tags\.$/,
    key: 'contactsImport.noTags',
    params: ['provider'],
  },
  { match: /^Give the tag a name \(up to 60 characters\)\.$/, key: 'contactsImport.tagName' },
  {
    match: /^Choose one of "(.*)"'s address books\.$/,
    key: 'contactsImport.chooseAddressBook',
    params: ['account'],
  },
  {
    match: /^The (\S+) API keeps no contact books\.$/,
    key: 'contactsImport.noBooks',
    params: ['provider'],
  },
  {
    match: /^"(.*)" has no address book (.*)\.$/,
    key: 'contactsImport.noSuchAddressBook',
    params: ['account', 'id'],
  },
  {
    match: /^The address-book API cannot make books; choose one of "(.*)"'s books\.$/,
    key: 'contactsImport.cannotMakeBooks',
    params: ['account'],
  },
  { match: /^That book no longer exists here\.$/, key: 'contactsImport.bookGone' },
  {
    match: /^Give the new book a name \(up to 120 characters\)\.$/,
    key: 'contactsImport.bookName',
  },
  { match: /^The file has no column (\d+)\.$/, key: 'contactsImport.noColumn', params: ['n'] },
  {
    match: /^The (\S+) API keeps one name only, not a surname\.$/,
    key: 'contactsImport.oneName',
    params: ['provider'],
  },
  {
    match: /^The (\S+) API keeps no email addresses\.$/,
    key: 'contactsImport.noEmail',
    params: ['provider'],
  },
  { match: /^Name every custom field\.$/, key: 'contactsImport.customUnnamed' },
  {
    match: /^"(.*)" has no custom fields to fill\.$/,
    key: 'contactsImport.noCustomFields',
    params: ['account'],
  },
  {
    match: /^"(.*)" is not a custom field of this account; its fields are (.*)\.$/,
    key: 'contactsImport.notACustomField',
    params: ['field', 'fields'],
  },
  {
    match: /^A bulk job is already called "(.*)"; give this one another name/,
    key: 'bulk.nameTaken',
    params: ['name'],
  },
];

export function translateCoreSentence(t: TFunction, sentence: string): string {
  for (const rule of RULES) {
    const found = rule.match.exec(sentence);
    if (!found) continue;
    const params: Record<string, string> = {};
    rule.params?.forEach((name, i) => {
      params[name] = found[i + 1] ?? '';
    });
    return t(`core:${rule.key}`, { ...params, defaultValue: sentence });
  }
  return sentence;
}

const PAUSE_CODES = new Set(['manual', '103', '111', '112', '115']);

/** Why an account is paused, by its pause code; 112 names the address to allow when the core knew it. */
export function translatePauseReason(t: TFunction, code: string, reason: string): string {
  if (!PAUSE_CODES.has(code)) return reason;
  if (code === '112') {
    const ip = /Allow (\S+) in your provider/.exec(reason)?.[1];
    return ip
      ? t('core:pause.112ip', { ip, defaultValue: reason })
      : t('core:pause.112', { defaultValue: reason });
  }
  return t(`core:pause.${code}`, { defaultValue: reason });
}
