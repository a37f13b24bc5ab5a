import type { ProviderKind } from '../../../../shared/domain/capabilities';
import { chooseBook } from '../../accounts/books';
import { getCustomFieldMap } from '../../accounts/custom-fields';
import { getAccount } from '../../accounts/repository';
import type { Db } from '../../db/connection';
import { prepareOnce } from '../../db/statements';
import { capabilitiesOf } from '../../providers/registry';
import type { ContactPatch, NewContact } from './model';

/**
 * What each provider's API would refuse, checked when the person makes the
 * edit (offline too), so the refusal comes with a sentence now rather than as
 * a failed push later — and nothing is sent that the API must refuse.
 */
export class ContactRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContactRuleError';
  }
}

const AB_CUSTOM = ['custom_1', 'custom_2', 'custom_3', 'custom_4'];

function customKeys(change: ContactPatch): string[] {
  return Object.keys(change.customFields ?? {});
}

function refuseTags(provider: string, change: ContactPatch): void {
  if ((change.addTags?.length ?? 0) + (change.removeTags?.length ?? 0) > 0 && provider !== 'tags') {
    throw new ContactRuleError(`The ${provider} API has no contact tags to change.`);
  }
}

function refuseCustom(db: Db, accountId: number, provider: string, name: string, keys: string[]) {
  if (provider === 'addressbook') {
    const bad = keys.filter((k) => !AB_CUSTOM.includes(k));
    if (bad.length > 0) {
      throw new ContactRuleError(
        `The address-book API has only the custom fields custom_1 to custom_4, not ${bad.join(', ')}.`,
      );
    }
  }
  if (provider === 'action') {
    const ids = getCustomFieldMap(db, accountId);
    const bad = keys.filter((k) => ids[k] === undefined);
    if (bad.length > 0) {
      throw new ContactRuleError(
        `"${name}" has no provider field id for ${bad.map((k) => `"${k}"`).join(', ')}: map it with \`outpost account fields --name "${name}" --set ${bad[0]}=ID\`.`,
      );
    }
  }
}

/** A new contact as its provider will take it: for the address-book API, in one of the account's books. */
export function checkNewContact(db: Db, accountId: number, input: NewContact): NewContact {
  const account = getAccount(db, accountId);
  refuseTags(account.provider, { ...input, addTags: input.tags ?? [] });
  refuseCustom(db, accountId, account.provider, account.name, customKeys(input));
  if (input.opportunity !== undefined && account.provider !== 'action') {
    throw new ContactRuleError('Only the action API opens an opportunity with a contact.');
  }
  if (account.provider !== 'addressbook') return input;
  if (!input.phone) throw new ContactRuleError('The address-book API needs a phone number.');
  const book = chooseBook(db, accountId, input.bookIds?.[0] ?? input.bookNames?.[0]);
  const { bookNames: _names, ...rest } = input;
  return { ...rest, bookIds: [book?.id as string] };
}

function refuseJoins(
  db: Db,
  accountId: number,
  account: { name: string; provider: string },
  patch: ContactPatch,
): void {
  const books = patch.joinBooks ?? [];
  if (books.length === 0) return;
  if (!capabilitiesOf(account.provider as ProviderKind).severalBooks) {
    throw new ContactRuleError(
      `Only the 360nrs API keeps a contact in several groups; "${account.name}" is a ${account.provider} account.`,
    );
  }
  const own = prepareOnce(db, 'SELECT 1 FROM contact_books WHERE id = ? AND account_id = ?');
  for (const b of books) {
    if (own.get(b, accountId) === undefined) {
      throw new ContactRuleError(`Book ${b} is not one of the groups of "${account.name}".`);
    }
  }
}

/** An edit as its provider will take it; a move names one of the account's books. */
export function checkContactPatch(db: Db, accountId: number, patch: ContactPatch): ContactPatch {
  const account = getAccount(db, accountId);
  refuseTags(account.provider, patch);
  refuseCustom(db, accountId, account.provider, account.name, customKeys(patch));
  refuseJoins(db, accountId, account, patch);
  if (patch.bookId === undefined) return patch;
  if (account.provider !== 'addressbook') {
    throw new ContactRuleError(
      `Only the address-book API moves a contact between books; "${account.name}" is a ${account.provider} account.`,
    );
  }
  const book = chooseBook(db, accountId, patch.bookId);
  return { ...patch, bookId: book?.id as string };
}
