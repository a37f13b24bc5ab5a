import { z } from 'zod';

/** Contact management (the Contacts view): books and tags, pages, edits, conflicts. */

export const ContactsGroupsRequest = z.object({ accountId: z.number().int().positive() }).strict();

export const ContactsGroupsReply = z.object({
  /** Local book ids with their live (not deleted) contacts. */
  books: z.array(
    z.object({ id: z.number().int(), name: z.string(), count: z.number().int().nonnegative() }),
  ),
  tags: z.array(z.object({ name: z.string(), count: z.number().int().nonnegative() })),
});

const Id = z.number().int().positive();
const FieldValue = z.union([z.string().max(500), z.number(), z.null()]);
const CustomFields = z.record(z.string().trim().min(1).max(60), FieldValue);
const Tag = z.string().trim().min(1, 'A tag needs a name.').max(60);

export const ContactsPageRequest = z
  .object({
    accountId: Id,
    query: z.string().max(200).default(''),
    bookId: Id.optional(),
    tag: z.string().max(60).optional(),
    pendingOnly: z.boolean().default(false),
    sort: z.enum(['name', 'phone', 'email']).default('name'),
    descending: z.boolean().default(false),
    offset: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(500).default(100),
    withTotal: z.boolean().default(false),
  })
  .strict();

const ContactRow = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  phone: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  tags: z.array(z.string()),
  pending: z.boolean(),
  hasConflict: z.boolean(),
});

export const ContactsPageReply = z.object({
  offset: z.number().int(),
  total: z.number().int().nullable(),
  contacts: z.array(ContactRow),
});

export const ContactIdRequest = z.object({ id: Id }).strict();

const LocalVersion = z.object({
  phone: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  customFields: z.record(z.string(), FieldValue),
});
const RemoteVersion = z.union([
  z.object({ deleted: z.literal(true) }),
  z.object({
    phone: z.string().nullable(),
    email: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    customFields: z.record(z.string(), z.object({ type: z.string(), value: FieldValue })),
    tags: z.array(z.string()),
    books: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
]);

export const ContactDetailReply = z
  .object({
    id: z.number().int(),
    accountId: z.number().int(),
    remoteId: z.string().nullable(),
    phone: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    customFields: z.record(z.string(), FieldValue),
    tags: z.array(z.string()),
    books: z.array(
      z.object({ id: z.number().int(), remoteId: z.string().nullable(), name: z.string() }),
    ),
    pending: z
      .object({
        op: z.enum(['create', 'update', 'delete']),
        state: z.enum(['pending', 'pushing', 'done', 'conflict', 'failed']),
        errorText: z.string().nullable(),
      })
      .nullable(),
    conflict: z
      .object({
        id: z.number().int(),
        /** Flat field keys: phone, email, firstName, lastName, custom:<name>, bookId, or deleted. */
        fields: z.array(z.string()),
        local: LocalVersion,
        remote: RemoteVersion,
        detectedAt: z.number(),
      })
      .nullable(),
  })
  .nullable();

export const ContactsAbilitiesReply = z.object({
  provider: z.enum(['nrs', 'action', 'addressbook', 'tags']),
  create: z.boolean(),
  edit: z.boolean(),
  delete: z.boolean(),
  tags: z.boolean(),
  moveToBook: z.boolean(),
  /** Add a contact to one more book, keeping its others (360nrs groups). */
  joinBook: z.boolean(),
  newContactBook: z.enum(['choose', 'name', 'none']),
  books: z.array(z.object({ id: z.string(), name: z.string() })),
  customFieldNames: z.array(z.string()).nullable(),
  sync: z.boolean(),
  lastName: z.boolean(),
  email: z.boolean(),
});

const Editable = {
  phone: z.string().trim().min(1, 'Enter the phone number.').max(40),
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().max(100),
  email: z.string().trim().max(200),
  customFields: CustomFields,
};

export const ContactsCreateRequest = z
  .object({
    accountId: Id,
    contact: z
      .object({
        ...Editable,
        firstName: Editable.firstName.default(''),
        lastName: Editable.lastName.default(''),
        email: Editable.email.default(''),
        customFields: CustomFields.default({}),
        /** An account book id (address-book API) or a book name (360nrs). */
        book: z.string().trim().max(120).optional(),
        tags: z.array(Tag).max(50).default([]),
      })
      .strict(),
  })
  .strict();

export const ContactsUpdateRequest = z
  .object({
    id: Id,
    patch: z
      .object({
        phone: Editable.phone.optional(),
        firstName: Editable.firstName.optional(),
        lastName: Editable.lastName.optional(),
        email: Editable.email.optional(),
        customFields: CustomFields.optional(),
        addTags: z.array(Tag).max(50).optional(),
        removeTags: z.array(Tag).max(50).optional(),
        bookId: z.string().trim().min(1).max(120).optional(),
      })
      .strict(),
  })
  .strict();

/** A refusal names the field to fix where there is one. */
export const ContactsEditReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), id: z.number().int() }),
  z.object({
    ok: z.literal(false),
    field: z.enum(['phone', 'email', 'book', 'tags', 'customFields']).nullable(),
    message: z.string(),
  }),
]);

export const ContactsDeleteRequest = z.object({ ids: z.array(Id).min(1).max(100_000) }).strict();
export const ContactsDeleteReply = z.object({
  deleted: z.number().int(),
  /** Give it back to contacts.undoDelete to put them all back. */
  undoToken: z.string(),
  /** How long Undo is kept before the delete goes to the provider. */
  undoMs: z.number().int(),
});

export const ContactsUndoRequest = z.object({ undoToken: z.string().min(1).max(100) }).strict();
export const ContactsUndoReply = z.object({ restored: z.array(z.number().int()) });

export const ContactsBulkRequest = z
  .object({
    ids: z.array(Id).min(1).max(100_000),
    action: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('addTag'), tag: Tag }).strict(),
      z.object({ kind: z.literal('removeTag'), tag: Tag }).strict(),
      z
        .object({ kind: z.literal('moveToBook'), bookId: z.string().trim().min(1).max(120) })
        .strict(),
      z.object({ kind: z.literal('joinBook'), bookId: Id }).strict(),
    ]),
  })
  .strict();
export const ContactsBulkReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), changed: z.number().int(), missing: z.number().int() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

export const ContactsResolveRequest = z
  .object({
    conflictId: Id,
    /** One side for everything, or a side per conflicting field. */
    keep: z.union([
      z.enum(['local', 'remote']),
      z.record(z.string().min(1).max(80), z.enum(['local', 'remote'])),
    ]),
  })
  .strict();
export const ContactsResolveReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
