/**
 * Character tables of 3GPP TS 23.038 as reproduced in the 360nrs annex
 * (seed 003, "GSM basic/extended character set" line 9679 and
 * "GSM-PT basic/extended character set" line 9874).
 *
 * Basic tables are written as 8 rows of 16 characters in code order
 * (row n holds codes 0xn0..0xnF) so they can be checked against the annex by
 * eye. ESC (0x1B) is not a character of the text: it is marked with U+001B and
 * skipped when the lookups are built.
 */

const ESC = '\u001b';

/** GSM 03.38 default alphabet, codes 0x00-0x7F. */
export const GSM_BASIC: readonly string[] = [
  '@£$¥èéùìòÇ\nØø\rÅå',
  `Δ_ΦΓΛΩΠΨΣΘΞ${ESC}ÆæßÉ`,
  ' !"#¤%&\'()*+,-./',
  '0123456789:;<=>?',
  '¡ABCDEFGHIJKLMNO',
  'PQRSTUVWXYZÄÖÑÜ§',
  '¿abcdefghijklmno',
  'pqrstuvwxyzäöñüà',
];

/** GSM 03.38 default extension table (reached with ESC, so each costs 2 septets). */
export const GSM_EXTENSION: ReadonlyArray<readonly [code: number, char: string]> = [
  [0x0a, '\f'],
  [0x14, '^'],
  [0x28, '{'],
  [0x29, '}'],
  [0x2f, '\\'],
  [0x3c, '['],
  [0x3d, '~'],
  [0x3e, ']'],
  [0x40, '|'],
  [0x65, '€'],
];

/** Portuguese National Language Locking Shift Table (TS 23.038 A.3.3), codes 0x00-0x7F. */
export const PT_LOCKING: readonly string[] = [
  '@£$¥êéúíóç\nÔô\rÁá',
  `Δ_ªÇÀ∞^\\€Ó|${ESC}ÂâÊÉ`,
  ' !"#º%&\'()*+,-./',
  '0123456789:;<=>?',
  'ÍABCDEFGHIJKLMNO',
  'PQRSTUVWXYZÃÕÚÜ§',
  '~abcdefghijklmno',
  'pqrstuvwxyzãõ`üà',
];

/** Portuguese National Language Single Shift Table (TS 23.038 A.2.3); each costs 2 septets. */
export const PT_SINGLE_SHIFT: ReadonlyArray<readonly [code: number, char: string]> = [
  [0x05, 'ê'],
  [0x09, 'ç'],
  [0x0a, '\f'],
  [0x0b, 'Ô'],
  [0x0c, 'ô'],
  [0x0e, 'Á'],
  [0x0f, 'á'],
  [0x12, 'Φ'],
  [0x13, 'Γ'],
  [0x14, '^'],
  [0x15, 'Ω'],
  [0x16, 'Π'],
  [0x17, 'Ψ'],
  [0x18, 'Σ'],
  [0x19, 'Θ'],
  [0x1f, 'Ê'],
  [0x28, '{'],
  [0x29, '}'],
  [0x2f, '\\'],
  [0x3c, '['],
  [0x3d, '~'],
  [0x3e, ']'],
  [0x40, '|'],
  [0x41, 'À'],
  [0x49, 'Í'],
  [0x4f, 'Ó'],
  [0x55, 'Ú'],
  [0x5b, 'Ã'],
  [0x5c, 'Õ'],
  [0x61, 'Â'],
  [0x65, '€'],
  [0x69, 'í'],
  [0x6f, 'ó'],
  [0x75, 'ú'],
  [0x7b, 'ã'],
  [0x7c, 'õ'],
  [0x7f, 'â'],
];

function basicChars(rows: readonly string[]): string[] {
  return rows.flatMap((row) => [...row]).filter((ch) => ch !== ESC);
}

function fill(table: Uint8Array, chars: Iterable<string>, value: number): void {
  for (const ch of chars) table[ch.charCodeAt(0)] = value;
}

/**
 * Septets per UTF-16 code unit in the default alphabet: 1 basic, 2 extension,
 * 0 not representable. Every GSM character is a single BMP code unit.
 */
export const GSM_COST: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  fill(
    table,
    GSM_EXTENSION.map(([, ch]) => ch),
    2,
  );
  fill(table, basicChars(GSM_BASIC), 1);
  return table;
})();

/** Bit flags for the Portuguese tables, per UTF-16 code unit. */
export const PT_IN_LOCKING = 1;
export const PT_IN_SINGLE_SHIFT = 2;

export const PT_FLAGS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  fill(table, basicChars(PT_LOCKING), PT_IN_LOCKING);
  // Flags combine: a character may be in both Portuguese tables.
  for (const [, ch] of PT_SINGLE_SHIFT) {
    const cu = ch.charCodeAt(0);
    table[cu] = (table[cu] ?? 0) | PT_IN_SINGLE_SHIFT;
  }
  return table;
})();

/** True when `ch` (one UTF-16 code unit) is in the GSM 03.38 default alphabet or its extension. */
export function isGsmChar(ch: string): boolean {
  return ch.length === 1 && GSM_COST[ch.charCodeAt(0)] !== 0;
}
