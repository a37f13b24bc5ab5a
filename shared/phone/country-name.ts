let names: Intl.DisplayNames | null | undefined;
// DisplayNames.of costs ~0.1 ms a call, more than a whole row's check; there are ~250 codes.
const known = new Map<string, string>();

/** English country name for messages; falls back to the code when ICU data is missing. */
export function countryName(iso: string): string {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      names = null;
    }
  }
  let name = known.get(iso);
  if (name === undefined) {
    name = names?.of(iso) ?? iso;
    // Only two-letter codes are kept, so the map stays under 676 entries whatever callers pass.
    if (/^[A-Z]{2}$/.test(iso)) known.set(iso, name);
  }
  return name;
}
