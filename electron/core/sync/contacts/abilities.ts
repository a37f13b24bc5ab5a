import type { ProviderKind } from '../../../../shared/domain/capabilities';
import { getAccountBooks } from '../../accounts/books';
import { getCustomFieldMap } from '../../accounts/custom-fields';
import { getAccount } from '../../accounts/repository';
import type { Db } from '../../db/connection';
import { capabilitiesOf } from '../../providers/registry';

/**
 * What the Contacts view may offer for an account, from its provider's
 * capabilities and the facts the account keeps (books, field ids). The edit
 * functions refuse the rest anyway (provider-rules.ts); this is so the UI
 * never offers it.
 */
export interface ContactAbilities {
  provider: ProviderKind;
  create: boolean;
  edit: boolean;
  delete: boolean;
  /** Add and remove tags (tags API only). */
  tags: boolean;
  /** Move a contact to another book (address-book API `group_id`). */
  moveToBook: boolean;
  /** Add a contact to one more book, keeping its others (360nrs groups). */
  joinBook: boolean;
  /** How a new contact's book is given: one of the account's books, a name, or not at all. */
  newContactBook: 'choose' | 'name' | 'none';
  /** The account's books to choose from (address-book API), provider ids. */
  books: { id: string; name: string }[];
  /** Custom fields: only these names, or null for any name. */
  customFieldNames: string[] | null;
  /** Read the provider's contacts into this computer ("Sync now"). */
  sync: boolean;
  /** The tags API keeps one whole name and no email: the form asks only for what it keeps. */
  lastName: boolean;
  email: boolean;
}

const ADDRESS_BOOK_FIELDS = ['custom_1', 'custom_2', 'custom_3', 'custom_4'];

export function contactAbilities(db: Db, accountId: number): ContactAbilities {
  const account = getAccount(db, accountId);
  const provider = account.provider as ProviderKind;
  const can = capabilitiesOf(provider);
  return {
    provider,
    create: can.contactsWrite,
    edit: can.contactsWrite,
    delete: can.contactsDelete,
    tags: can.tags,
    moveToBook: can.moveBetweenBooks,
    joinBook: can.severalBooks && can.contactsWrite,
    newContactBook: provider === 'addressbook' ? 'choose' : provider === 'nrs' ? 'name' : 'none',
    books: provider === 'addressbook' ? getAccountBooks(db, accountId) : [],
    customFieldNames:
      provider === 'addressbook'
        ? ADDRESS_BOOK_FIELDS
        : provider === 'action'
          ? Object.keys(getCustomFieldMap(db, accountId)).sort()
          : null,
    sync: can.contactsList,
    lastName: provider !== 'tags',
    email: provider !== 'tags',
  };
}
