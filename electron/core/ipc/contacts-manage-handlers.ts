import { normalizePhone } from '../../../shared/phone';
import { getAccount } from '../accounts/repository';
import type { CoreContext } from '../context';
import type { Db } from '../db/connection';
import { readPreferences } from '../settings/preferences';
import { contactAbilities } from '../sync/contacts/abilities';
import { bulkEdit } from '../sync/contacts/bulk-edit';
import { resolveConflictByField } from '../sync/contacts/conflict-merge';
import { resolveConflict } from '../sync/contacts/conflicts';
import { contactDetail } from '../sync/contacts/detail';
import { createContactOffline, editContact } from '../sync/contacts/edit';
import { contactGroups } from '../sync/contacts/groups';
import { contactPage } from '../sync/contacts/page';
import { deleteContacts, UNDO_HOLD_MS, undoDelete } from '../sync/contacts/trash';
import type { HandlersFor } from './handler-table';

type Channels =
  | 'contacts.groups'
  | 'contacts.page'
  | 'contacts.get'
  | 'contacts.abilities'
  | 'contacts.create'
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.undoDelete'
  | 'contacts.bulk'
  | 'contacts.resolveConflict';

type Field = 'phone' | 'email' | 'book' | 'tags' | 'customFields';
type Refusal = { ok: false; field: Field | null; message: string };

/** A sentence from the provider's rules or the book choice, with the field it is about. */
function refusal(error: unknown): Refusal {
  if (!(error instanceof Error)) throw error;
  if (error.name === 'BookChoiceError') return { ok: false, field: 'book', message: error.message };
  if (error.name !== 'ContactRuleError') throw error;
  const m = error.message;
  const field: Field | null = /tag/i.test(m)
    ? 'tags'
    : /custom field|field id/i.test(m)
      ? 'customFields'
      : /phone number/i.test(m)
        ? 'phone'
        : /book/i.test(m)
          ? 'book'
          : null;
  return { ok: false, field, message: m };
}

/** The number as the provider takes it, read with the person's default country. */
function phoneOf(
  db: Db,
  input: string,
): { ok: true; phone: string; countryIso: string | null } | Refusal {
  const phone = normalizePhone(input, { defaultCountry: readPreferences(db).defaultCountry });
  if (!phone.ok) {
    return {
      ok: false,
      field: 'phone',
      message: `The number "${input}" is not usable: ${phone.message}`,
    };
  }
  return { ok: true, phone: phone.provider, countryIso: phone.countryIso };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function emailRefusal(email: string | undefined): Refusal | null {
  if (!email || EMAIL.test(email)) return null;
  return { ok: false, field: 'email', message: `"${email}" is not an email address.` };
}

export function contactsManageHandlers(core: CoreContext): HandlersFor<Channels> {
  const db = core.db;
  return {
    'contacts.groups': ({ accountId }) => {
      getAccount(db, accountId);
      return contactGroups(db, accountId);
    },
    'contacts.page': (q) => {
      getAccount(db, q.accountId);
      return contactPage(db, q);
    },
    'contacts.get': ({ id }) => contactDetail(db, id) ?? null,
    'contacts.abilities': ({ accountId }) => contactAbilities(db, accountId),
    'contacts.create': ({ accountId, contact }) => {
      const can = contactAbilities(db, accountId);
      if (!can.create) {
        return { ok: false, field: null, message: 'This provider offers no way to add contacts.' };
      }
      const phone = phoneOf(db, contact.phone);
      if (!phone.ok) return phone;
      const badEmail = emailRefusal(contact.email);
      if (badEmail) return badEmail;
      const book = contact.book?.trim() || undefined;
      if (can.newContactBook === 'name' && !book) {
        return {
          ok: false,
          field: 'book',
          message: 'Choose or name the book this contact goes into.',
        };
      }
      try {
        const id = createContactOffline(db, accountId, {
          phone: phone.phone,
          firstName: contact.firstName,
          lastName: contact.lastName,
          email: contact.email,
          ...(Object.keys(contact.customFields).length > 0
            ? { customFields: contact.customFields }
            : {}),
          ...(phone.countryIso ? { countryIso: phone.countryIso } : {}),
          ...(book && can.newContactBook === 'choose' ? { bookIds: [book] } : {}),
          ...(book && can.newContactBook === 'name' ? { bookNames: [book] } : {}),
          ...(contact.tags.length > 0 ? { tags: contact.tags } : {}),
        });
        return { ok: true, id };
      } catch (error) {
        return refusal(error);
      }
    },
    'contacts.update': ({ id, patch }) => {
      const { phone: typed, ...rest } = patch;
      let phone: string | undefined;
      if (typed !== undefined) {
        const read = phoneOf(db, typed);
        if (!read.ok) return read;
        phone = read.phone;
      }
      const badEmail = emailRefusal(patch.email);
      if (badEmail) return badEmail;
      try {
        editContact(db, id, { ...rest, ...(phone !== undefined ? { phone } : {}) });
        return { ok: true, id };
      } catch (error) {
        if (error instanceof Error && error.message === 'That contact no longer exists.') {
          return { ok: false, field: null, message: error.message };
        }
        return refusal(error);
      }
    },
    'contacts.delete': ({ ids }) => ({ ...deleteContacts(db, ids), undoMs: UNDO_HOLD_MS }),
    'contacts.undoDelete': ({ undoToken }) => ({ restored: undoDelete(db, undoToken) }),
    'contacts.bulk': ({ ids, action }) => {
      try {
        return { ok: true, ...bulkEdit(db, ids, action) };
      } catch (error) {
        return { ok: false, message: refusal(error).message };
      }
    },
    'contacts.resolveConflict': ({ conflictId, keep }) => {
      try {
        if (typeof keep === 'string') resolveConflict(db, conflictId, keep);
        else resolveConflictByField(db, conflictId, keep);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
