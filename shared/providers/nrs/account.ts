import { z } from 'zod';

/**
 * GET /api/rest/account (seed 003 line 9070-9084). Ambiguity: the seed names the
 * fields (username, email, time zone, language, balance, creation date,
 * country, currency) but shows NO response body. Agreed shape, following the
 * `{data:{...}}` envelope and camelCase of the other v2 endpoints:
 * `{"data":{"username","email","timezone","language","balance","createdAt","country","currency"}}`
 * with `balance` a number in `currency` (ISO 4217). A flat body is accepted too.
 */
export const NrsAccountSchema = z.object({
  username: z.string(),
  email: z.string().nullable().optional(),
  timezone: z.string().nullable().optional(),
  language: z.string().nullable().optional(),
  balance: z.union([z.number(), z.string()]),
  createdAt: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
  currency: z.string(),
});
export type NrsAccount = z.infer<typeof NrsAccountSchema>;

export const AccountResponseSchema = z.union([
  z.object({ data: NrsAccountSchema }),
  NrsAccountSchema,
]);
export type AccountResponse = z.infer<typeof AccountResponseSchema>;

/** GET /api/rest/sms/coverage (line 9180): one price per network; "Default" = whole country. */
export const NrsCoverageItemSchema = z.object({
  countryIso: z.string(),
  countryName: z.string(),
  networkName: z.string(),
  mcc: z.string().nullable(),
  mnc: z.string().nullable(),
  cost: z.number(),
  currencyCode: z.string(),
  currencySymbol: z.string(),
});
export type NrsCoverageItem = z.infer<typeof NrsCoverageItemSchema>;

export const CoverageResponseSchema = z.object({ data: z.array(NrsCoverageItemSchema) });
export type CoverageResponse = z.infer<typeof CoverageResponseSchema>;

/** GET /api/rest/sms/coverageByCountry (line 9313): min/max per country. */
export const NrsCountryCoverageSchema = z.object({
  countryIso: z.string(),
  countryName: z.string(),
  networks: z.array(z.string()),
  minCost: z.number(),
  maxCost: z.number(),
  currencyCode: z.string(),
  currencySymbol: z.string(),
});
export type NrsCountryCoverage = z.infer<typeof NrsCountryCoverageSchema>;

export const CoverageByCountryResponseSchema = z.object({
  data: z.array(NrsCountryCoverageSchema),
});
export type CoverageByCountryResponse = z.infer<typeof CoverageByCountryResponseSchema>;
