import { z } from 'zod';

const AccountId = z.number().int().positive();
const Failure = z.object({ ok: z.literal(false), message: z.string() });

/**
 * Action API: local custom-field name -> the provider's custom-field id
 * (seed 000 line 5). `set` replaces the whole map with what the Settings view shows.
 */
export const FieldMap = z.record(
  z.string().trim().min(1).max(64),
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Use the custom field's id from the provider's dashboard."),
);
export const AccountFieldsGetRequest = z.object({ accountId: AccountId }).strict();
export const AccountFieldsSetRequest = z
  .object({ accountId: AccountId, fields: FieldMap })
  .strict();
export const AccountFieldsReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), fields: z.record(z.string(), z.string()) }),
  Failure,
]);

/** Address-book API: the books (group_id + a name) contacts can go into (seed 001 line 15). */
export const AccountBook = z.object({
  id: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(120),
});
export const AccountBooksGetRequest = z.object({ accountId: AccountId }).strict();
export const AccountBooksSetRequest = z
  .object({ accountId: AccountId, books: z.array(AccountBook).max(500) })
  .strict();
export const AccountBooksReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), books: z.array(AccountBook) }),
  Failure,
]);

/** The balance in money and, with `country`, the price of one part there (same currency). */
export const AccountBalanceRequest = z
  .object({
    accountId: AccountId,
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  })
  .strict();
export const CountryPartPrice = z.object({
  countryIso: z.string(),
  countryName: z.string(),
  currency: z.string(),
  min: z.number(),
  max: z.number(),
  networks: z.array(z.object({ network: z.string().nullable(), pricePerPart: z.number() })),
});
export const AccountBalanceReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    balance: z.number(),
    currency: z.string(),
    price: CountryPartPrice.nullable(),
  }),
  Failure,
]);
