/**
 * The encodings a CSV file may be read in, apart from the decoders themselves
 * (encoding.ts), so the command line can list them in its help without loading iconv-lite.
 */
export const CSV_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-1',
] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export function isCsvEncoding(name: string): name is CsvEncoding {
  return (CSV_ENCODINGS as readonly string[]).includes(name);
}
