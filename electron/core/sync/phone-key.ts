/**
 * The key a number is suppressed and matched under: its digits, without a
 * leading international "00". Providers write the same number as "+34666…",
 * "0034666…" or "34666…"; all three must hit the same suppression.
 */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('00') ? digits.slice(2) : digits;
}
