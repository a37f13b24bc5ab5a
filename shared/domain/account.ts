export interface AccountInfo {
  username: string | null;
  email: string | null;
  balance: number | null;
  /** ISO 4217, e.g. EUR. */
  currency: string | null;
  timezone: string | null;
  country: string | null;
}
