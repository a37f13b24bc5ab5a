let names: Intl.DisplayNames | null | undefined;

/** English country name for messages; falls back to the code when ICU data is missing. */
export function countryName(iso: string): string {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      names = null;
    }
  }
  return names?.of(iso) ?? iso;
}
